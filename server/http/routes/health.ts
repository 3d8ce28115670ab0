import { readFeedHead } from "../../queries/snapshot";
import { route } from "../context";
import { sendJson } from "../respond";

const TIMEOUT_MS = 2000;

export const healthRoutes = [
  route("GET /api/health", async ({ req, res, deps }) => {
    await deps.limits.healthCheck(deps.limits.address(req));
    try {
      const seq = await Promise.race([
        readFeedHead(deps.handle.db),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error("database did not answer in time")), TIMEOUT_MS).unref()),
      ]);
      sendJson(res, 200, { ok: true, db: deps.handle.kind, seq });
    } catch (err) {
      sendJson(res, 503, {
        ok: false,
        db: deps.handle.kind,
        error: {
          code: "unavailable",
          reason: "db_unavailable",
          params: {},
          message: `the database cannot be reached (${(err as Error).message}); events are not taken until it is back`,
        },
      });
    }
  }),
];
