// Why: one description of a synthetic feed, made in SQL (posting millions of events would take hours), for the tests
// that read the plans of the history and report queries and for the benchmark's long feed.

export interface SyntheticFeed {
  community: string;
  /** Event ids are this prefix and the seq. */
  idPrefix: string;
  actor: string;
  /** The first event's time (a timestamptz literal) and the time between events. */
  start: string;
  every: string;
  /** A new round every this many events; so many households, volunteers and buildings. */
  roundEvery: number;
  households: number;
  volunteers: number;
  buildings: number;
}

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;
const int = (n: number) => {
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`not a positive integer: ${n}`);
  return String(n);
};

/**
 * `select` of the events `from`..`to` (two bigint parameters, `$1` and `$2`), in the events table's column order:
 * swabs, their results (for the household just swabbed), check-ins and outs, seals and unseals, requests opened
 * and approved, in turn.
 */
export function syntheticEvents(f: SyntheticFeed): string {
  const h = int(f.households);
  return `
  select g as seq, ${literal(f.idPrefix)} || g as id, x.type, ${literal(f.community)} as community, t as occurred_at, t as recorded_at,
         ${literal(f.actor)} as actor, x.payload, 'x' as fingerprint
  from generate_series($1::bigint, $2::bigint) g
  cross join lateral (select timestamptz ${literal(f.start)} + g * interval ${literal(f.every)} as t) at
  cross join lateral (select case g % 6
      when 0 then 'household.tested'
      when 1 then 'test.result'
      when 2 then case when (g / 6) % 2 = 0 then 'volunteer.checked_in' else 'volunteer.checked_out' end
      when 3 then case when (g / 6) % 2 = 0 then 'building.sealed' else 'building.unsealed' end
      when 4 then 'request.opened'
      else 'request.approved' end as type,
    case g % 6
      when 0 then jsonb_build_object('roundId', 'r' || g / ${int(f.roundEvery)}, 'householdId', 'h' || g % ${h})
      when 1 then jsonb_build_object('roundId', 'r' || g / ${int(f.roundEvery)}, 'householdId', 'h' || (g - 1) % ${h}, 'result', 'negative')
      when 2 then jsonb_build_object('volunteerId', 'v' || (g / 12) % ${int(f.volunteers)}, 'post', 'gate')
      when 3 then jsonb_build_object('buildingId', 'b' || (g / 12) % ${int(f.buildings)})
      when 4 then jsonb_build_object('requestId', 'q' || g / 6, 'householdId', 'h' || g % ${h}, 'kind', 'supplies')
      else jsonb_build_object('requestId', 'q' || g / 6) end as payload) x`;
}

export const INSERT_EVENTS = "insert into events (seq, id, type, community, occurred_at, recorded_at, actor, payload, fingerprint)";
