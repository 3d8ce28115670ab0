// Why: the secretary imports a committee's own registry file (contract section 5); parse, authorise, import, answer.
import type { ServerResponse } from "node:http";
import { z } from "zod";
import { scopedCommunity } from "../../auth/scope";
import { IMPORT_KINDS, type ImportStreamLine, PROGRESS_TYPE } from "../../domain/registry-import/types";
import { toAppError } from "../../errors";
import { importRegistry } from "../../ingest/registry-import";
import type { Logger } from "../../log";
import { Id } from "../../protocol/events";
import { invalid, zodIssues } from "../../zod-issues";
import { actorOf, route } from "../context";
import { readFileBody } from "../read-body";
import { sendJson } from "../respond";

const flag = z
  .enum(["0", "1", "true", "false"], { message: "must be 1 or 0" })
  .optional()
  .transform((v) => v === "1" || v === "true");

/** `mapping={"备注":"ignore","房间":"unit"}`: each header as the file names it → a field or `ignore` (v1.2). */
const MappingParam = z
  .string()
  .max(8000)
  .transform((text, ctx) => {
    try {
      const value = JSON.parse(text) as unknown;
      const r = z.record(z.string().max(100), z.string().max(20)).safeParse(value);
      if (r.success) return r.data;
    } catch {}
    ctx.addIssue({ code: "custom", message: 'must be a JSON object of header → field or "ignore"' });
    return z.NEVER;
  });

const ImportQuery = z.strictObject({
  community: Id.optional(),
  kind: z.enum(IMPORT_KINDS, { message: `must be ${IMPORT_KINDS.join(" or ")}` }),
  dryRun: flag,
  skipBadRows: flag,
  sheet: z.string().trim().min(1).max(100).optional(),
  mapping: MappingParam.optional(),
});

/** The streamed answer: 200 at once, then progress lines, then the status and body the plain answer would have had. */
function streamed(res: ServerResponse, log: Logger) {
  res.writeHead(200, { "content-type": `${PROGRESS_TYPE}; charset=utf-8`, "cache-control": "no-store", "x-accel-buffering": "no" });
  const line = (l: ImportStreamLine) => res.write(`${JSON.stringify(l)}\n`);
  return {
    /** Writes a progress line and lets the event loop send it: an embedded database's queries never yield on their own. */
    async progress(done: number, total: number) {
      line({ progress: { done, total } });
      await new Promise((resolve) => setImmediate(resolve));
    },
    end(status: number, body: Extract<ImportStreamLine, { status: number }>["body"]) {
      line({ status, body });
      res.end();
    },
    fail(err: unknown) {
      const e = toAppError(err);
      if (e.code === "internal") log.error({ err }, "registry import failed");
      this.end(e.status, e.toJSON());
    },
  };
}

export const registryImportRoutes = [
  /**
   * A registry file (CSV in UTF-8 or GBK, or .xlsx) as the body, or `{"file":"<base64>"}`; `dryRun=1` previews;
   * all or nothing; secretary only. `Accept: application/x-ndjson` streams progress before the answer.
   */
  route("POST /api/registry/import", async ({ req, res, url, deps, require }) => {
    const p = await require("secretary");
    const q = ImportQuery.safeParse(Object.fromEntries(url.searchParams));
    if (!q.success) {
      const issues = zodIssues(q.error.issues);
      throw invalid(`query: ${issues.map((i) => `${i.path} ${i.message}`).join("; ")}`, issues);
    }
    const community = scopedCommunity(p, q.data.community);
    const bytes = await readFileBody(req);
    const actor = actorOf(p);
    if (!String(req.headers.accept ?? "").includes(PROGRESS_TYPE)) {
      const out = await importRegistry(deps.handle.db, { ...q.data, community, bytes }, actor);
      sendJson(res, out.status, out.summary);
      return;
    }
    const stream = streamed(res, deps.log);
    try {
      const out = await importRegistry(deps.handle.db, { ...q.data, community, bytes }, actor, stream.progress);
      stream.end(out.status, out.summary);
    } catch (err) {
      stream.fail(err);
    }
  }),
];
