// Why: COMP4: tokens minted before v1.2 had no compound; on a copy of such a database they belong to `default` after the migration.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openPostgres, wrapPglite } from "../../drizzle/client";
import { MIGRATIONS_FOLDER, migrate } from "../../drizzle/migrate";
import { scopedCommunity } from "../../server/auth/scope";
import { hashToken, TokenResolver } from "../../server/auth/tokens";
import { ENGINE, engineReady, freshPostgresDatabase } from "../support/db";

const ready = await engineReady();
/** The last migration before tokens belonged to a compound. */
const BEFORE = "0009_drop_events_community_seq";

/** A copy of the migrations folder that stops at `last`: the database as an older release left it. */
function migrationsUpTo(last: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "cordon-old-migrations-"));
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalPath = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const upTo = journal.entries.findIndex((e) => e.tag === last);
  expect(upTo).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, upTo + 1);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

describe.skipIf(!ready)(`COMP4: tokens of an older database on ${ENGINE}`, () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
  });

  it("COMP4 a token minted before compounds (no community) belongs to default after the migration, and is refused elsewhere", async () => {
    const old = migrationsUpTo(BEFORE);
    cleanup.push(() => rmSync(old, { recursive: true, force: true }));
    let handle: DatabaseHandle;
    if (ENGINE === "postgres") {
      const fresh = await freshPostgresDatabase();
      cleanup.push(fresh.drop);
      handle = openPostgres(fresh.url);
      await migratePostgres(drizzlePostgres(handle.sql as NonNullable<DatabaseHandle["sql"]>), { migrationsFolder: old });
    } else {
      handle = wrapPglite(await PGlite.create());
      await migratePglite(drizzlePglite(handle.pglite as PGlite), { migrationsFolder: old });
    }
    cleanup.push(() => handle.close());
    await handle.db.execute(
      sql`insert into tokens (id, hash, role, label) values ('old-1', ${hashToken("an-old-secretary-token")}, 'secretary', 'old laptop')`,
    );
    await migrate(handle);
    const rows = (await handle.db.execute(sql`select community, operator from tokens where id = 'old-1'`)) as unknown as
      | { community: string; operator: boolean }[]
      | { rows: { community: string; operator: boolean }[] };
    const row = (Array.isArray(rows) ? rows : rows.rows)[0];
    expect(row).toEqual({ community: "default", operator: false });
    const p = await new TokenResolver(handle.db).resolve("an-old-secretary-token");
    expect(p?.community).toBe("default");
    expect(scopedCommunity(p as NonNullable<typeof p>, null)).toBe("default");
    expect(() => scopedCommunity(p as NonNullable<typeof p>, "commB")).toThrow(/another compound/);
  });
});
