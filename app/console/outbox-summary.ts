// Why: a kept action in a line a volunteer recognises (the building and unit, the request number), not as ids and JSON. Pure.
import type { OutboxEntry } from "../_live/outbox-core";
import type { Registry } from "./use-registry";

type Words = {
  households: Registry["households"];
  buildings: Registry["buildings"];
  volunteers?: Registry["volunteers"];
} | null;

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/** "2号楼 101 · negative", "R-7K3D9Q · test_report", "李娜 · gate": the parts of the payload that say what it was about. */
export function summarize(e: OutboxEntry, registry: Words, words: Record<string, string> = {}): string {
  const p = e.event.payload;
  const parts: string[] = [];
  const householdId = str(p.householdId);
  if (householdId) {
    const h = registry?.households.find((x) => x.householdId === householdId);
    const b = h && registry?.buildings.find((x) => x.buildingId === h.buildingId);
    parts.push(h ? `${b?.label ?? h.buildingId} ${h.unit}` : householdId);
  }
  for (const key of ["requestId", "volunteerId", "post", "kind", "document", "result"]) {
    const v = str(p[key]);
    // A volunteer by name, as the registry knows them (never an id like v-6ae28fcc2d74).
    const person = key === "volunteerId" && v ? registry?.volunteers?.find((x) => x.volunteerId === v)?.name : undefined;
    if (v) parts.push(person ?? words[v] ?? v);
  }
  if (p.urgent === true) parts.push(words.urgent ?? "urgent");
  return parts.join(" · ");
}
