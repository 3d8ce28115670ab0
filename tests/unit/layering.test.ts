// Why: the pages, the pure rules and the protocol shared with the browser never reach into the storage layer (drizzle/).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

function files(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) return files(rel);
    return /\.tsx?$/.test(name) ? [rel] : [];
  });
}

/** Every import specifier of a file that resolves into drizzle/. */
function storageImports(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].map((m) => m[1] ?? "");
  return specs.filter((s) => s.startsWith(".") && path.relative(ROOT, path.resolve(ROOT, path.dirname(file), s)).startsWith("drizzle"));
}

describe("LAYER: the vocabularies live in the protocol", () => {
  it("LAYER1 no file in app/, server/domain/ or server/protocol/ imports from drizzle/; the schema's constants come from the protocol", () => {
    const found = ["app", "server/domain", "server/protocol"].flatMap(files).flatMap((f) => storageImports(f).map((s) => `${f} → ${s}`));
    expect(found).toEqual([]);
    expect(readFileSync(path.join(ROOT, "drizzle/schema/constants.ts"), "utf8")).toContain("server/protocol/vocabularies");
  });
});
