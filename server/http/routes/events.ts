import { z } from "zod";
import { AppError } from "../../errors";
import { appendEvents } from "../../ingest/append";
import { BatchBody } from "../../protocol/events";
import { readFeed } from "../../queries/feed";
import { route } from "../context";
import { readJson, sendJson } from "../respond";

const FeedQuery = z.strictObject({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const eventRoutes = [
  route("POST /api/events", async ({ req, res, deps, require }) => {
    const principal = await require("secretary", "volunteer");
    const body = await readJson(req);
    if (!body || typeof body !== "object" || Array.isArray(body))
      throw new AppError("validation", 'send one event {"type":…,"payload":{…}}, or {"events":[…]} with 1 to 1,000 events');
    const batch = "events" in body;
    let list: unknown[] = [body];
    if (batch) {
      const parsed = BatchBody.safeParse(body);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
        throw new AppError("validation", `events: ${issues[0]?.message}`, issues);
      }
      list = parsed.data.events;
    }
    const accepted = await appendEvents(deps.handle.db, list, { role: principal.role, name: principal.label }, { batch });
    sendJson(res, accepted.some((a) => !a.duplicate) ? 201 : 200, { accepted });
  }),
  route("GET /api/events", async ({ res, url, deps, require }) => {
    await require("secretary");
    const q = FeedQuery.safeParse(Object.fromEntries(url.searchParams));
    if (!q.success) {
      const issues = q.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
      throw new AppError("validation", `query: ${issues.map((i) => `${i.path} ${i.message}`).join("; ")}`, issues);
    }
    sendJson(res, 200, await readFeed(deps.handle.db, q.data.after, q.data.limit));
  }),
];
