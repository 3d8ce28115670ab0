import { z } from "zod";
import { AppError, fail } from "../../errors";
import { appendEvents } from "../../ingest/append";
import { BatchBody, MAX_BATCH } from "../../protocol/events";
import { readFeed } from "../../queries/feed";
import { invalid, zodIssues } from "../../zod-issues";
import { actorOf, route } from "../context";
import { readJson, sendJson } from "../respond";

const FeedQuery = z.strictObject({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const eventRoutes = [
  route("POST /api/events", async ({ req, res, deps, require }) => {
    const principal = await require("secretary", "volunteer");
    const body = await readJson(req);
    if (!body || typeof body !== "object" || Array.isArray(body)) throw fail("validation", "body_not_event");
    const batch = "events" in body;
    let list: unknown[] = [body];
    if (batch) {
      const parsed = BatchBody.safeParse(body);
      if (!parsed.success) {
        const issues = zodIssues(parsed.error.issues);
        const first = parsed.error.issues[0];
        const sized = first?.path.join(".") === "events" && (first.code === "too_big" || first.code === "too_small");
        const reason = first?.code === "too_big" ? ("batch_too_large" as const) : ("batch_empty" as const);
        const message = `events: ${issues[0]?.message}`;
        throw sized ? new AppError("validation", reason, { max: MAX_BATCH }, { message, issues }) : invalid(message, issues);
      }
      list = parsed.data.events;
    }
    const accepted = await appendEvents(deps.handle.db, list, actorOf(principal), { batch });
    sendJson(res, accepted.some((a) => !a.duplicate) ? 201 : 200, { accepted });
  }),
  route("GET /api/events", async ({ res, url, deps, require }) => {
    const p = await require("secretary");
    const q = FeedQuery.safeParse(Object.fromEntries(url.searchParams));
    if (!q.success) {
      const issues = zodIssues(q.error.issues);
      throw invalid(`query: ${issues.map((i) => `${i.path} ${i.message}`).join("; ")}`, issues);
    }
    // The operator reads the whole feed; a compound's secretary its own compound's events.
    sendJson(res, 200, await readFeed(deps.handle.db, q.data.after, q.data.limit, p.operator ? undefined : p.community));
  }),
];
