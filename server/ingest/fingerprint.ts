import { hash } from "node:crypto";

/**
 * JSON with every object's keys sorted, in one pass (no copies of the value): exactly what
 * `JSON.stringify` gives for a deep copy with sorted keys, which is how the feed's stored
 * fingerprints were made, so a retry of an event stored earlier still matches.
 */
export function canonicalJson(value: unknown): string | undefined {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return Number.isFinite(value) ? JSON.stringify(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    case "object": {
      if (Array.isArray(value)) {
        let out = "[";
        for (let i = 0; i < value.length; i++) out += `${i > 0 ? "," : ""}${canonicalJson(value[i]) ?? "null"}`;
        return `${out}]`;
      }
      const o = value as Record<string, unknown>;
      const keys = ordered(Object.keys(o));
      let out = "{";
      let first = true;
      for (const k of keys) {
        const v = canonicalJson(o[k]);
        if (v === undefined) continue;
        out += `${first ? "" : ","}${JSON.stringify(k)}:${v}`;
        first = false;
      }
      return `${out}}`;
    }
    default:
      // undefined, functions and symbols: left out of objects, null in arrays (as JSON.stringify does).
      return undefined;
  }
}

const INDEX = /^(?:0|[1-9]\d{0,9})$/;
const isIndex = (k: string) => INDEX.test(k) && Number(k) < 4294967295;

/**
 * The order in which the sorted copy's keys come out: an object lists array-index keys first, in
 * numeric order, whatever order they were put in; then the others as sorted.
 */
function ordered(keys: string[]): string[] {
  keys.sort();
  if (!keys.some(isIndex)) return keys;
  const indexes = keys.filter(isIndex).sort((a, b) => Number(a) - Number(b));
  return [...indexes, ...keys.filter((k) => !isIndex(k))];
}

/** A stable hash of what the caller said, so a retry with the same id can be told from a clash. */
export function fingerprint(parts: { type: string; community: string; occurredAt: string | null; payload: unknown }): string {
  const occurredAt = parts.occurredAt ? new Date(parts.occurredAt).toISOString() : null;
  // The one-shot hash: half the cost of createHash().update().digest() for a string this short.
  return hash("sha256", canonicalJson({ ...parts, occurredAt }) as string, "base64url");
}
