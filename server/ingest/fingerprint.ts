import { createHash } from "node:crypto";

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** A stable hash of what the caller said, so a retry with the same id can be told from a clash. */
export function fingerprint(parts: { type: string; community: string; occurredAt: string | null; payload: unknown }): string {
  const occurredAt = parts.occurredAt ? new Date(parts.occurredAt).toISOString() : null;
  return createHash("sha256")
    .update(JSON.stringify(canonical({ ...parts, occurredAt })))
    .digest("base64url");
}
