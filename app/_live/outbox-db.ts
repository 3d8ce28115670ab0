// Why: the phone's actions must outlive a locked screen, a reload and a closed browser: IndexedDB through idb.
import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import type { OutboxEntry } from "./outbox-core";

interface OutboxSchema extends DBSchema {
  entries: { key: string; value: OutboxEntry; indexes: { order: number } };
}

const NAME = "cordon-outbox";
let db: Promise<IDBPDatabase<OutboxSchema>> | null = null;

function open(): Promise<IDBPDatabase<OutboxSchema>> {
  db ??= openDB<OutboxSchema>(NAME, 1, {
    upgrade(d) {
      d.createObjectStore("entries", { keyPath: "id" }).createIndex("order", "order");
    },
    // Another tab upgrading (a newer build) closes ours; the next call opens it again.
    blocking() {
      void db?.then((d) => d.close());
      db = null;
    },
  });
  return db;
}

/** The phone's kept actions, in the order they were made. */
export async function readAll(): Promise<OutboxEntry[]> {
  return (await open()).getAllFromIndex("entries", "order");
}

export async function readOne(id: string): Promise<OutboxEntry | undefined> {
  return (await open()).get("entries", id);
}

/** Writes an entry; resolves once the transaction is durable on the phone. */
export async function write(entry: OutboxEntry): Promise<void> {
  await (await open()).put("entries", entry);
}

/** Adds an entry unless one with its id is already kept (a re-tap of the same action); resolves to the kept one. */
export async function addOnce(entry: OutboxEntry): Promise<OutboxEntry> {
  const tx = (await open()).transaction("entries", "readwrite");
  const kept = await tx.store.get(entry.id);
  if (!kept) await tx.store.add(entry);
  await tx.done;
  return kept ?? entry;
}

export async function remove(ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const tx = (await open()).transaction("entries", "readwrite");
  await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
}
