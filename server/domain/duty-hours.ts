// Why: hours on duty within a window, from check-in/out pairs; pure, so shifts across midnight are tested on their own.

export interface OpenShift {
  volunteerId: string;
  post: string;
  since: Date;
}

export type DutyEvent =
  | { type: "volunteer.checked_in"; occurredAt: Date; volunteerId: string; post: string }
  | { type: "volunteer.checked_out"; occurredAt: Date; volunteerId: string };

const HOUR_MS = 3_600_000;

/**
 * Hours on duty by post within [start, end): shifts open at `start` (`open`), then the window's
 * check-ins and check-outs in feed order. A shift counts only its part inside the window; one
 * still open at the end counts until `until` (now, for a day under way; else the window's end).
 */
export function dutyHours(open: OpenShift[], events: DutyEvent[], start: Date, end: Date, until: Date): Record<string, number> {
  const ms = new Map<string, number>();
  const limit = Math.min(end.getTime(), until.getTime());
  const add = (post: string, from: number, to: number) => {
    const part = Math.min(to, limit) - Math.max(from, start.getTime());
    ms.set(post, (ms.get(post) ?? 0) + Math.max(0, part));
  };
  const onDuty = new Map(open.map((s) => [s.volunteerId, { post: s.post, since: s.since.getTime() }]));
  for (const e of events) {
    const shift = onDuty.get(e.volunteerId);
    // A check-in while on duty cannot be recorded; were it there, the first shift would end where the next begins.
    if (shift) add(shift.post, shift.since, e.occurredAt.getTime());
    if (e.type === "volunteer.checked_in") onDuty.set(e.volunteerId, { post: e.post, since: e.occurredAt.getTime() });
    else onDuty.delete(e.volunteerId);
  }
  for (const shift of onDuty.values()) add(shift.post, shift.since, limit);
  const hours: Record<string, number> = {};
  for (const [post, total] of [...ms].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    if (total > 0) hours[post] = Math.round((total / HOUR_MS) * 100) / 100;
  return hours;
}
