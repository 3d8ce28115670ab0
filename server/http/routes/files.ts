// Why: documents come in as files (contract section 7): judged from their bytes, stored in the database, read back only by who may.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "../../../drizzle/client";
import type { Principal } from "../../auth/tokens";
import { AppError, fail } from "../../errors";
import { prepareFile } from "../../files/inspect";
import { fileBytes, fileIdOf, fileInfo, householdUploadsSince, mayReadFile, saveFile } from "../../files/store";
import { Id } from "../../protocol/events";
import { route } from "../context";
import { readFileBody } from "../read-body";
import { sendJson } from "../respond";
import { communityParam } from "./snapshot";

/** A household's uploads in a day: three pending requests with a letter and a report each, re-taken a few times. */
export const HOUSEHOLD_UPLOADS_PER_DAY = 30;
/** Uploads from one address in an hour, on this node (a building's shared connection included). */
export const ADDRESS_UPLOADS_PER_HOUR = 300;
const perAddress = new RateLimiterMemory({ keyPrefix: "uploads", points: ADDRESS_UPLOADS_PER_HOUR, duration: 3600 });

async function checkLimits(db: Db, p: Principal, address: string): Promise<void> {
  if (p.resident) {
    const since = new Date(Date.now() - 24 * 3600_000);
    if ((await householdUploadsSince(db, p.resident.householdId, since)) >= HOUSEHOLD_UPLOADS_PER_DAY)
      throw Object.assign(fail("rate_limited", "too_many_uploads", { limit: HOUSEHOLD_UPLOADS_PER_DAY, hours: 24, per: "household" }), {
        retryAfterS: 3600,
      });
  }
  if (p.role === "secretary") return;
  try {
    await perAddress.consume(address);
  } catch (res) {
    if (!(res instanceof RateLimiterRes)) throw res;
    throw Object.assign(fail("rate_limited", "too_many_uploads", { limit: ADDRESS_UPLOADS_PER_HOUR, hours: 1, per: "address" }), {
      retryAfterS: Math.ceil(res.msBeforeNext / 1000),
    });
  }
}

async function readBody(req: Parameters<typeof readFileBody>[0]): Promise<Uint8Array> {
  try {
    return await readFileBody(req);
  } catch (err) {
    if (err instanceof AppError && err.reason === "file_too_large") throw fail("too_large", "document_file_too_large", err.params);
    throw err;
  }
}

export const fileRoutes = [
  route("POST /api/files", async ({ req, res, url, deps, require }) => {
    const p = await require("secretary", "volunteer", "resident");
    const community = communityParam(url, p);
    const bytes = await readBody(req);
    const fileId = fileIdOf(community, bytes);
    const known = await fileInfo(deps.handle.db, fileId);
    if (!known) await checkLimits(deps.handle.db, p, deps.limits.address(req));
    const prepared = known ? null : await prepareFile(bytes);
    const householdId = p.resident?.householdId ?? null;
    const { created } = await saveFile(deps.handle.db, { fileId, community, prepared, tokenId: p.tokenId, householdId });
    const info = known ?? (await fileInfo(deps.handle.db, fileId));
    if (!info) throw fail("internal", "internal_error");
    sendJson(res, created ? 201 : 200, { fileId, contentType: info.contentType, bytes: info.bytes });
  }),
  route("GET /api/files/:fileId", async ({ res, url, deps, params, require }) => {
    const p = await require("secretary", "volunteer", "resident", "display");
    if (p.role === "display") throw fail("forbidden", "file_forbidden_role", { role: p.role });
    const id = Id.safeParse(params.fileId);
    const info = id.success ? await fileInfo(deps.handle.db, id.data) : null;
    if (!info || !(await mayReadFile(deps.handle.db, p, info))) throw fail("not_found", "file_unknown", { fileId: params.fileId ?? "" });
    const thumb = url.searchParams.get("size") === "thumb";
    const data = await fileBytes(deps.handle.db, info.fileId, thumb);
    if (!data) throw fail("not_found", "file_unknown", { fileId: info.fileId });
    const pdf = info.contentType === "application/pdf";
    res.writeHead(200, {
      "content-type": info.contentType,
      "content-length": data.length,
      "x-content-type-options": "nosniff",
      // Nothing served here may run script on our origin: a sandboxed document with no sources of its own.
      "content-security-policy": "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
      "content-disposition": pdf ? `attachment; filename="document-${info.fileId}.pdf"` : "inline",
      "cache-control": "private, max-age=300",
      "cross-origin-resource-policy": "same-origin",
    });
    res.end(data);
  }),
];
