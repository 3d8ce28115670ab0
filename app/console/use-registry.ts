"use client";
// Why: the household picker chooses from the registry (GET /api/registry, names masked for volunteers), read once per change of the compound.
import { useEffect, useState } from "react";
import { naturalCompare } from "../../server/domain/natural-order";
import type { readRegistry } from "../../server/queries/registry";
import { keepRegistry, keptRegistry } from "./kept";

export type Registry = Awaited<ReturnType<typeof readRegistry>>;
export type Household = Registry["households"][number];
export type Building = Registry["buildings"][number];

let cache: { key: string; read: Promise<Registry | null> } | null = null;

function load(key: string): Promise<Registry | null> {
  if (cache?.key === key) return cache.read;
  const read = fetch("/api/registry", { credentials: "same-origin" })
    .then((r) => (r.ok ? (r.json() as Promise<Registry>) : null))
    .then((reg) => reg && sortRegistry(reg))
    .then((reg) => {
      if (reg) keepRegistry(reg);
      return reg;
    })
    // No connection: the copy this phone read last (without contacts), so the pickers still work.
    .catch(() => keptRegistry());
  const entry = { key, read };
  cache = entry;
  // A failed read is not kept: the next picker to ask tries again.
  read.then((r) => {
    if (!r && cache === entry) cache = null;
  });
  return read;
}

/** Buildings and units in the order people read them: 2号楼 before 10号楼, 101 before 1001. */
function sortRegistry(r: Registry): Registry {
  return {
    ...r,
    buildings: [...r.buildings].sort((a, b) => naturalCompare(a.label, b.label) || naturalCompare(a.buildingId, b.buildingId)),
    households: [...r.households].sort((a, b) => naturalCompare(a.unit, b.unit) || naturalCompare(a.householdId, b.householdId)),
  };
}

/**
 * The registry, shared by every picker on the page; read again when `key` changes (pass the
 * households and buildings totals, so a new registration or import shows without a reload).
 */
export function useRegistry(key: string | undefined): Registry | null {
  const [registry, setRegistry] = useState<Registry | null>(null);
  useEffect(() => {
    if (key === undefined) {
      // Opened without a connection: start from the copy kept on the phone.
      setRegistry((r) => r ?? keptRegistry());
      return;
    }
    let live = true;
    load(key).then((r) => {
      if (live && r) setRegistry(r);
    });
    return () => {
      live = false;
    };
  }, [key]);
  return registry;
}
