import { z } from "zod";
import { COUNT_KEYS } from "./state";
import { ALERT_KINDS, REQUEST_KINDS, ROUND_KINDS } from "./vocabularies";

const n = z.number().int().min(0);
const time = z.iso.datetime({ offset: true });

/**
 * What the wall display receives: aggregates and anonymised items only. Strict objects, so a field
 * that is not listed here (a name, a phone, a note) fails the parse instead of reaching a display.
 */
export const WallView = z.strictObject({
  seq: n,
  community: z.string(),
  demo: z.boolean(),
  /** community.named: the compound's name (not personal data); null until named. */
  name: z.string().nullable(),
  /** The server's clock when the view was read: the browser measures ages against it. */
  generatedAt: time,
  counts: z.strictObject(Object.fromEntries(COUNT_KEYS.map((k) => [k, n])) as Record<(typeof COUNT_KEYS)[number], typeof n>),
  round: z
    .strictObject({ roundId: z.string(), label: z.string().nullable(), kind: z.enum(ROUND_KINDS), openedAt: time, open: z.boolean() })
    .nullable(),
  progress: z.strictObject({ perHour: z.number().min(0), etaAt: time.nullable() }),
  /** `nameZh`/`nameEn`: a registered post's names (`post.registered`), absent for a post only ever typed as free text. */
  posts: z.array(
    z.strictObject({ post: z.string(), onDuty: n, minimum: n.nullable(), nameZh: z.string().optional(), nameEn: z.string().optional() }),
  ),
  buildings: z.array(
    z.strictObject({ buildingId: z.string(), label: z.string(), sealed: z.boolean(), households: n, tested: n, positives: n }),
  ),
  /**
   * The requests waiting for a decision (`total`, `urgentWaiting` of them urgent), and apart from them those approved
   * and not yet fulfilled (`approved`): both count in `pendingRequests`, but only the first wait on the committee.
   */
  queue: z.strictObject({
    total: n,
    urgentWaiting: n,
    approved: n,
    oldestOpenedAt: time.nullable(),
    items: z.array(z.strictObject({ buildingId: z.string(), kind: z.enum(REQUEST_KINDS), urgent: z.boolean(), openedAt: time })),
  }),
  alerts: z.strictObject({
    total: n,
    items: z.array(
      z.strictObject({
        alertId: n,
        kind: z.enum(ALERT_KINDS),
        buildingId: z.string().nullable(),
        requestKind: z.enum(REQUEST_KINDS).nullable(),
        raisedAt: time,
      }),
    ),
  }),
  /** Holders past their return time (v1.2): the building and when they should have been back, never a name or a room. */
  overdue: z.array(z.strictObject({ buildingId: z.string(), returnBy: time })),
  series: z.strictObject({
    bucketMinutes: n,
    points: z.array(z.strictObject({ t: n, tests: n, onDuty: n, pending: n })),
  }),
});
export type WallView = z.infer<typeof WallView>;

export const WALL_QUEUE_LIMIT = 30;
export const WALL_ALERT_LIMIT = 10;
