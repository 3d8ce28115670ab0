import { z } from "zod";
import type { WallChartsResponse } from "../../protocol/charts";
import { readWallSeries, readWallView } from "../../queries/wall";
import { invalid, zodIssues } from "../../zod-issues";
import { route } from "../context";
import { sendJson, sendJsonGzip } from "../respond";
import { communityParam } from "./snapshot";

// Loaded on first use: React picks its production or development build when it is first loaded, and Next sets
// NODE_ENV while it starts, after the route modules are imported. Imported here, the charts would draw with React's
// slow development build, and so would the pages that share its copy of React.
let charts: Promise<typeof import("../../charts/wall-charts")> | undefined;
const chartRenderer = () => {
  charts ??= import("../../charts/wall-charts");
  return charts;
};

/** What a screen says about the box it will show the charts in: px, px per rem, language, time zone. */
const ChartsQuery = z.strictObject({
  community: z.string().optional(),
  w: z.coerce.number().int().min(40).max(8000),
  h: z.coerce.number().int().min(40).max(8000),
  rem: z.coerce.number().min(4).max(128),
  lang: z.enum(["en", "zh-CN"]),
  tz: z
    .string()
    .max(64)
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, "not a time zone"),
});

export const wallRoutes = [
  /** The display-safe wall view (any role): aggregates and the anonymised queue, never personal data. */
  route("GET /api/wall", async ({ res, url, deps, require }) => {
    const p = await require();
    sendJson(res, 200, await readWallView(deps.handle.db, communityParam(url, p)));
  }),
  /** The wall's charts (any role) as SVG drawn from the chart points alone: counts per 15 minutes, nothing about anyone. */
  route("GET /api/wall/charts", async ({ req, res, url, deps, require }) => {
    const p = await require();
    const community = communityParam(url, p);
    const q = ChartsQuery.safeParse(Object.fromEntries(url.searchParams));
    if (!q.success) throw invalid("bad chart size, language or time zone", zodIssues(q.error.issues));
    const [{ seq, points }, { wallChartsSvg }] = await Promise.all([readWallSeries(deps.handle.db, community), chartRenderer()]);
    const body: WallChartsResponse = {
      seq,
      charts: wallChartsSvg(points, { width: q.data.w, height: q.data.h, rem: q.data.rem }, q.data.lang, q.data.tz),
    };
    sendJsonGzip(req, res, 200, body);
  }),
];
