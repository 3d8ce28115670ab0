// Why: the same few views derived from the model and read from the server, in one shape, so a property compares them with toEqual.
import { type Model, toTest } from "./ops-model";
import type { TestServer } from "./server";

export interface Views {
  counts: Record<string, number>;
  round: { roundId: string; kind: string } | null;
  buildings: { buildingId: string; sealed: boolean; households: number; tested: number; positives: number }[];
  households: { householdId: string; buildingId: string }[];
  volunteers: { volunteerId: string; onDuty: boolean; post: string | null }[];
  openRequests: { requestId: string; status: string; kind: string; urgent: boolean; letter: boolean; report: boolean }[];
  posts: { post: string; onDuty: number; minimum: number | null }[];
  alerts: { total: number; newest: number[] };
}

const byKey =
  <T>(key: (t: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** What the server should show for the model's state. */
export function expectedViews(m: Model): Views {
  const tests = [...m.tests.entries()].filter(([k]) => k.startsWith(`${m.current}|`));
  // A tap set aside (its household vacated) is not counted as tested; its positive result still shows.
  const counted = tests.filter(([k]) => !m.setAside.has(k));
  const testedIn = (b: string, positive: boolean) =>
    (positive ? tests : counted).filter(([k, r]) => m.households.get(k.split("|")[1]!)?.buildingId === b && (!positive || r === "positive"))
      .length;
  const livedIn = [...m.households.values()].filter(toTest);
  const open = [...m.requests.entries()].filter(([, r]) => r.status === "pending" || r.status === "approved");
  const onDuty = [...m.volunteers.values()].filter((v) => v.onDuty);
  const postNames = new Set([...onDuty.map((v) => v.post!), ...m.minimums.keys()]);
  const openAlerts = [...m.alerts.entries()].filter(([, a]) => !a.resolved && !a.acked).map(([s]) => s);
  const current = m.current ? m.rounds.get(m.current) : undefined;
  return {
    counts: {
      householdsTotal: livedIn.length,
      householdsTested: counted.length,
      buildingsTotal: m.buildings.size,
      buildingsSealed: [...m.buildings.values()].filter((b) => b.sealed).length,
      volunteersTotal: m.volunteers.size,
      volunteersOnDuty: onDuty.length,
      pendingRequests: open.length,
      urgentRequests: open.filter(([, r]) => r.urgent).length,
      // No gate event is generated here: nobody goes out (GATE6 models the gate).
      outsideNow: 0,
      overdue: 0,
    },
    round: m.current && current?.open ? { roundId: m.current, kind: current.kind } : null,
    buildings: [...m.buildings.entries()]
      .map(([buildingId, b]) => ({
        buildingId,
        sealed: b.sealed,
        households: livedIn.filter((h) => h.buildingId === buildingId).length,
        tested: testedIn(buildingId, false),
        positives: testedIn(buildingId, true),
      }))
      .sort(byKey((b) => b.buildingId)),
    households: [...m.households.entries()]
      .map(([householdId, h]) => ({ householdId, buildingId: h.buildingId }))
      .sort(byKey((h) => h.householdId)),
    volunteers: [...m.volunteers.entries()]
      .map(([volunteerId, v]) => ({ volunteerId, onDuty: v.onDuty, post: v.post }))
      .sort(byKey((v) => v.volunteerId)),
    openRequests: open
      .map(([requestId, r]) => ({ requestId, status: r.status, kind: r.kind, urgent: r.urgent, letter: r.letter, report: r.report }))
      .sort(byKey((r) => r.requestId)),
    posts: [...postNames]
      .map((post) => ({ post, onDuty: onDuty.filter((v) => v.post === post).length, minimum: m.minimums.get(post) ?? null }))
      .sort(byKey((p) => p.post)),
    alerts: { total: openAlerts.length, newest: openAlerts.sort((a, b) => b - a).slice(0, 10) },
  };
}

/** The same views read from the server's public API (snapshot, registry, requests, wall). */
export async function serverViews(s: TestServer, community: string): Promise<Views & { seq: number }> {
  const q = `community=${community}`;
  const read = async (path: string) => {
    const r = await s.api(`${path}?${q}`);
    if (r.status !== 200) throw new Error(`GET ${path} answered ${r.status}: ${await r.text()}`);
    return (await r.json()) as any;
  };
  const [snap, registry, requests, wall] = await Promise.all([
    read("/api/snapshot"),
    read("/api/registry"),
    read("/api/requests"),
    read("/api/wall"),
  ]);
  return {
    seq: snap.seq,
    counts: snap.counts,
    round: snap.round ? { roundId: snap.round.roundId, kind: snap.round.kind } : null,
    buildings: wall.buildings
      .map((b: any) => ({ buildingId: b.buildingId, sealed: b.sealed, households: b.households, tested: b.tested, positives: b.positives }))
      .sort(byKey((b: { buildingId: string }) => b.buildingId)),
    households: registry.households
      .map((h: any) => ({ householdId: h.householdId, buildingId: h.buildingId }))
      .sort(byKey((h: { householdId: string }) => h.householdId)),
    volunteers: registry.volunteers
      .map((v: any) => ({ volunteerId: v.volunteerId, onDuty: v.onDuty, post: v.post }))
      .sort(byKey((v: { volunteerId: string }) => v.volunteerId)),
    openRequests: requests.requests
      .map((r: any) => ({
        requestId: r.requestId,
        status: r.status,
        kind: r.kind,
        urgent: r.urgent,
        letter: r.documents.commitmentLetter,
        report: r.documents.testReportAt !== null,
      }))
      .sort(byKey((r: { requestId: string }) => r.requestId)),
    posts: wall.posts
      .map((p: any) => ({ post: p.post, onDuty: p.onDuty, minimum: p.minimum }))
      .sort(byKey((p: { post: string }) => p.post)),
    alerts: { total: wall.alerts.total, newest: wall.alerts.items.map((a: any) => a.alertId) },
  };
}
