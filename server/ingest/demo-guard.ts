// Why: clearing the demo empties its community, so a registration beside the demo would not outlive it: a 201 is a promise, and such a registration is refused instead.
import { and, eq } from "drizzle-orm";
import type { Tx } from "../../drizzle/client";
import { communityState } from "../../drizzle/schema";
import { conflict } from "../errors";
import type { EventType } from "../protocol/events";
import { anyOf } from "./state";

/** What `demo.cleared` would take away with the demo: the registry's own entries. */
const GUARDED: ReadonlySet<EventType> = new Set<EventType>(["building.registered", "household.registered", "volunteer.registered"]);

/** The communities among `events`' that hold the demo and are about to get a registration, read under the feed lock. */
export async function demoCommunities(tx: Tx, events: { input: { type: EventType }; community: string }[]): Promise<Set<string>> {
  const named = [...new Set(events.filter((e) => GUARDED.has(e.input.type)).map((e) => e.community))];
  if (named.length === 0) return new Set();
  const rows = await tx
    .select({ community: communityState.community })
    .from(communityState)
    .where(and(anyOf(communityState.community, named), eq(communityState.demo, true)));
  return new Set(rows.map((r) => r.community));
}

/** 409 for a registration posted by a person into a community that holds the demo (the demo's own loader is internal). */
export function guardRegistration(type: EventType, community: string, internal: boolean, holdsDemo: boolean): void {
  if (!internal && holdsDemo && GUARDED.has(type)) throw conflict("registration_in_demo_community", { community }, "type");
}
