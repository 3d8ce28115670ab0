// Why: the gate phone scans a pass; the server decides out or in from the pass's state and records it (contract section 8).
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../../drizzle/client";
import { events } from "../../../drizzle/schema";
import { isPrintedPassCode, printedPassNumber, readPassCode } from "../../auth/pass-code";
import { scopedCommunity } from "../../auth/scope";
import type { Principal } from "../../auth/tokens";
import { AppError, fail } from "../../errors";
import { appendEvents } from "../../ingest/append";
import { Id } from "../../protocol/events";
import { readOutside, readPassesInside } from "../../queries/outside";
import { readPassHolder, readPassHolderByRequest } from "../../queries/passes";
import { invalid, zodIssues } from "../../zod-issues";
import { route } from "../context";
import { readJson, sendJson } from "../respond";
import { communityParam } from "./snapshot";

/** `id`: the phone's id for the scan (its outbox resends it); `scannedAt`: when a queued scan was read. */
const ScanBody = z.strictObject({
  code: z.string().trim().min(1).max(64),
  id: Id.optional(),
  scannedAt: z.iso.datetime({ offset: true }).optional(),
});

/** The gate's own refusals (contract section 8): their 409 also names the holder, masked. */
const GATE_REFUSALS = new Set<string>(["no_pass", "pass_expired", "already_out", "not_out"]);

/** A queued scan is judged by the code of its own moment, at most this long ago. */
const MAX_QUEUED_MS = 24 * 3_600_000;

/** The answer a scan with this id got, read back from the feed (its event carries the id); null when there is none. */
async function answeredBefore(db: Db, id: string, principal: Principal) {
  const [seen] = await db
    .select({ type: events.type, payload: events.payload, seq: events.seq, community: events.community })
    .from(events)
    .where(eq(events.id, id));
  if (!seen || (seen.type !== "gate.out" && seen.type !== "gate.in")) return null;
  scopedCommunity(principal, seen.community);
  const requestId = String((seen.payload as { requestId: string }).requestId);
  const again = await readPassHolderByRequest(db, seen.community, requestId, "masked");
  return {
    direction: seen.type === "gate.out" ? ("out" as const) : ("in" as const),
    requestId,
    seq: seen.seq,
    returnBy: seen.type === "gate.out" ? (again?.row.passReturnBy?.toISOString() ?? null) : null,
    holder: again?.holder ?? null,
    duplicate: true,
  };
}

export const gateRoutes = [
  /** Who is outside now: since when, due back when, overdue or not; and passes used and back inside, still valid (secretary whole, volunteer masked). */
  route("GET /api/outside", async ({ res, url, deps, require }) => {
    const p = await require("secretary", "volunteer");
    const community = communityParam(url, p);
    const masking = p.role === "secretary" ? "whole" : "masked";
    sendJson(res, 200, {
      outside: await readOutside(deps.handle.db, community, masking),
      passesInside: await readPassesInside(deps.handle.db, community, masking),
    });
  }),
  route("POST /api/gate/scan", async ({ req, res, deps, require }) => {
    const principal = await require("secretary", "volunteer");
    const parsed = ScanBody.safeParse(await readJson(req));
    if (!parsed.success) {
      const issues = zodIssues(parsed.error.issues);
      throw invalid(`body: ${issues.map((i) => `${i.path} ${i.message}`).join("; ")}`, issues);
    }
    const { code, id, scannedAt } = parsed.data;
    const db = deps.handle.db;
    // The same scan sent again (an outbox retry): the answer it got, not a second passage.
    const seen = id ? await answeredBefore(db, id, principal) : null;
    if (seen) return sendJson(res, 200, seen);
    const now = Date.now();
    const at = scannedAt ? Math.max(Date.parse(scannedAt), now - MAX_QUEUED_MS) : now;
    const passSeq = readPassCode(deps.passKey, code, Math.min(at, now));
    // The gate phone shows the holder masked whoever holds it: it is read at arm's length in public.
    let found = passSeq === null ? null : await readPassHolder(db, passSeq, "masked");
    if (!found) {
      // Not a phone's changing code: perhaps a printed pass's, signed over its number and its `until`.
      const printed = printedPassNumber(code);
      const holder = printed === null ? null : await readPassHolder(db, printed, "masked");
      const until = holder?.row.passUntil;
      if (holder && until && isPrintedPassCode(deps.passKey, code, printed as number, until)) found = holder;
    }
    if (!found) throw fail("not_found", "pass_unknown");
    const { row, holder } = found;
    // A pass of another compound: 403, as for any of its routes.
    try {
      scopedCommunity(principal, row.community);
    } catch (e) {
      // Said as the gate means it (another compound's pass), still the 403 of any route of that compound.
      if (e instanceof AppError && e.reason === "community_forbidden") throw fail("forbidden", "pass_other_compound");
      throw e;
    }
    const direction = row.passOutAt ? "in" : "out";
    const append = appendEvents(
      db,
      [
        {
          ...(id ? { id } : {}),
          type: direction === "out" ? "gate.out" : "gate.in",
          community: row.community,
          ...(scannedAt ? { occurredAt: scannedAt } : {}),
          payload: { requestId: row.requestId },
        },
      ],
      { role: principal.role, name: principal.label, volunteer: principal.volunteer },
    );
    // A resend racing its first send: whichever lost reads the winner's answer (the id is taken, by the same or the other direction).
    let accepted: { duplicate: boolean; seq: number } | undefined;
    try {
      [accepted] = await append;
    } catch (e) {
      const again = id && e instanceof AppError && e.reason === "event_id_reused" ? await answeredBefore(db, id, principal) : null;
      if (again) accepted = { duplicate: true, seq: again.seq };
      // Refused (expired, already out, …): said with the holder, so the gate shows whose pass it was.
      else if (e instanceof AppError && e.status === 409 && GATE_REFUSALS.has(e.reason))
        return sendJson(res, 409, { ...e.toJSON(), holder });
      else throw e;
    }
    if (id && accepted?.duplicate) {
      const again = await answeredBefore(db, id, principal);
      if (again) return sendJson(res, 200, again);
    }
    const after = await readPassHolder(db, row.passSeq as number, "masked");
    sendJson(res, 201, {
      direction,
      requestId: row.requestId,
      seq: accepted?.seq,
      returnBy: after?.row.passReturnBy?.toISOString() ?? null,
      holder,
    });
  }),
];
