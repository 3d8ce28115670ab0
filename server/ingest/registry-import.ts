// Why: a registry file becomes events through the one append path: read, compare with the registry, then one transaction.
import type { Db } from "../../drizzle/client";
import { ImportFileError, normaliseMapping } from "../domain/registry-import/columns";
import { FileTooLargeError, MAX_IMPORT_ROWS } from "../domain/registry-import/limits";
import { type ParsedFile, planImport, type ReadOptions, readRegistryFile, unreadableSummary } from "../domain/registry-import/read-file";
import type { ImportKind, ImportSummary, Mapping } from "../domain/registry-import/types";
import { AppError, fail } from "../errors";
import type { Params, Reason } from "../protocol/reasons";
import { readImportMapping } from "../queries/import-mapping";
import { readRegistryIndex } from "../queries/registry-index";
import { readSnapshot } from "../queries/snapshot";
import { type Actor, appendEvents } from "./append";

export { MAX_IMPORT_ROWS };

/** A refused import: the error model, with the summary inside so a preview can show every bad row. */
export class ImportError extends AppError {
  constructor(
    code: AppError["code"],
    reason: Reason,
    params: Params,
    readonly summary: ImportSummary,
    message?: string,
  ) {
    super(code, reason, params, {
      message,
      issues: summary.errors.map((e) => ({ path: `line ${e.line}`, message: e.message, reason: e.reason, params: e.params })),
    });
  }
  override toJSON() {
    const { error } = super.toJSON();
    return { error: { ...error, summary: this.summary } };
  }
}

export interface ImportRequest {
  community: string;
  kind: ImportKind;
  bytes: Uint8Array;
  dryRun: boolean;
  skipBadRows: boolean;
  /** v1.2: the sheet to read (its name, or its position from 1); default the first with a header. */
  sheet?: string;
  /** v1.2: the secretary's reading of columns, over the one remembered; remembered in turn when the import is made. */
  mapping?: Mapping;
}

const lineList = (lines: number[]) => (lines.length > 10 ? `${lines.slice(0, 10).join(", ")}, …` : lines.join(", "));

async function read(bytes: Uint8Array, kind: ImportKind, opts: ReadOptions): Promise<ParsedFile> {
  try {
    return await readRegistryFile(bytes, kind, opts);
  } catch (err) {
    if (!(err instanceof ImportFileError)) throw err;
    // An old binary .xls is a type this server does not read: 415, with what to do.
    const code = err instanceof FileTooLargeError ? "too_large" : err.reason === "file_old_xls" ? "unsupported_type" : "validation";
    throw new ImportError(
      code,
      err.reason,
      err.params,
      unreadableSummary({ line: err.line, message: err.message, reason: err.reason, params: err.params }, err.read),
      `${err.message}; nothing was imported`,
    );
  }
}

const sameMapping = (a: Mapping, b: Mapping) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

/** Which row an append error is about: the events are planned row by row and named by index. */
function atLine(err: AppError, lines: number[]): AppError {
  const i = Number(/^events\[(\d+)\]/.exec(err.issues[0]?.path ?? "")?.[1] ?? Number.NaN);
  const line = lines[i];
  if (line === undefined) return err;
  const message = err.message.replace(/^event \d+: /, "");
  return err.retold(`line ${line}: ${message}; nothing was imported`, [
    { path: `line ${line}`, message, reason: err.reason, params: err.params },
  ]);
}

/**
 * Previews (`dryRun`) or imports a registry file into one community, all or nothing. Bad rows refuse the
 * whole file (400, summary inside) unless `skipBadRows`. 201 when something was recorded, else 200.
 */
export async function importRegistry(
  db: Db,
  req: ImportRequest,
  actor: Actor,
  onProgress?: (done: number, total: number) => void | Promise<void>,
): Promise<{ status: 200 | 201; summary: ImportSummary }> {
  const remembered = normaliseMapping(req.kind, await readImportMapping(db, req.community, req.kind));
  const mapping = { ...remembered, ...normaliseMapping(req.kind, req.mapping ?? {}) };
  const file = await read(req.bytes, req.kind, { sheet: req.sheet, mapping });
  // The secretary's reading of the columns is remembered with the import it was made for (one event, same transaction).
  const remember = sameMapping(mapping, remembered)
    ? []
    : [{ type: "registry.mapping_set" as const, community: req.community, payload: { kind: req.kind, columns: mapping } }];
  if (file.table.rows.length > MAX_IMPORT_ROWS)
    throw fail("too_large", "import_too_many_rows", { rows: file.table.rows.length, max: MAX_IMPORT_ROWS });
  // A second try re-reads the registry: another writer may have registered a row between the read and the append.
  for (let attempt = 0; ; attempt++) {
    const [registry, snapshot] = await Promise.all([readRegistryIndex(db, req.community), readSnapshot(db, req.community)]);
    const plan = planImport(req.community, file, registry);
    const summary = { ...plan.summary, demo: snapshot.demo };
    const bad = summary.errors.map((e) => e.line);
    if (bad.length > 0 && !req.skipBadRows)
      throw new ImportError("validation", "import_bad_rows", { count: bad.length, lines: lineList(bad) }, summary);
    if (req.dryRun || plan.events.length + remember.length === 0) return { status: 200, summary };
    if (snapshot.demo) throw new ImportError("conflict", "import_demo_community", { community: req.community }, summary);
    try {
      const accepted = await appendEvents(db, [...plan.events, ...remember], actor, { batch: true, onProgress });
      await onProgress?.(accepted.length, accepted.length);
      return { status: accepted.slice(0, plan.events.length).some((a) => !a.duplicate) ? 201 : 200, summary };
    } catch (err) {
      if (err instanceof AppError && err.code === "conflict" && attempt === 0) continue;
      throw err instanceof AppError ? atLine(err, plan.lines) : err;
    }
  }
}
