import { z } from "zod";
import { Id } from "./events";
import type { Params, Reason } from "./reasons";
import type { WallView } from "./wall";

/** The ten numbers every live screen shows (v1.2 adds who is outside through the gate, and who of them is overdue). */
export const COUNT_KEYS = [
  "householdsTotal",
  "householdsTested",
  "buildingsTotal",
  "buildingsSealed",
  "volunteersTotal",
  "volunteersOnDuty",
  "pendingRequests",
  "urgentRequests",
  "outsideNow",
  "overdue",
] as const;
export type CountKey = (typeof COUNT_KEYS)[number];
export type Counts = Record<CountKey, number>;

export interface RoundInfo {
  roundId: string;
  kind: "pcr" | "antigen";
  openedAt: string;
  /** The label the secretary typed when opening it (what people read), when there is one. */
  label?: string | null;
}

export interface Snapshot {
  seq: number;
  community: string;
  demo: boolean;
  /** community.named: the compound's name, null until named (screens then say "our compound"). */
  name?: string | null;
  counts: Counts;
  round: RoundInfo | null;
}

export interface CountsMessage {
  seq: number;
  community: string;
  counts: Counts;
}

export interface Heartbeat {
  at: string;
  version: string;
}

/** `wall: true` also subscribes to the display-safe wall view (`wall` messages); `community` defaults to the token's own. */
export const SubscribeInput = z.strictObject({ community: Id.optional(), wall: z.boolean().optional() });

/** One compound on the street office's wall (v1.2, section 9): its snapshot, name and last event's time. */
export interface StreetEntry extends Snapshot {
  name: string | null;
  /** When the compound's last event was recorded: a silent compound is a problem too. */
  lastEventAt: string | null;
  /** Each post's volunteers on duty against its minimum (null: none set), as the compound's wall lists them. */
  posts: WallView["posts"];
  /** Positive results given today (since midnight in REPORT_TIME_ZONE), whichever round they belong to. */
  positives: number;
}

/** GET /api/street and the socket's `street` message: every compound the token watches. */
export interface StreetView {
  communities: StreetEntry[];
}

/** Socket.IO's typed event maps, shared by the server and the browser. */
export interface ServerToClientEvents {
  snapshot: (s: Snapshot) => void;
  counts: (m: CountsMessage) => void;
  heartbeat: (h: Heartbeat) => void;
  /** A refused `subscribe`: the code, the reason and its parameters (v1.2) for a screen to translate, and the English. */
  problem: (e: { code: string; reason: Reason; params: Params; message: string }) => void;
  wall: (v: WallView) => void;
  /** The answer to `street`: every compound watched; then `counts` for each as it changes. */
  street: (v: StreetView) => void;
  /** One compound of the street view again, at most every 5 s, when its posts or positives may have changed. */
  streetEntry: (e: StreetEntry) => void;
}

export interface ClientToServerEvents {
  subscribe: (input: { community?: string; wall?: boolean }, ack?: (r: { ok: boolean; error?: string }) => void) => void;
  /** A street token (or the operator): watch every compound it reaches, at once. */
  street: (ack?: (r: { ok: boolean; error?: string }) => void) => void;
}

export const emptyCounts = (): Counts => Object.fromEntries(COUNT_KEYS.map((k) => [k, 0])) as Counts;
