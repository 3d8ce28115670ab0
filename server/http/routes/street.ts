// Why: GET /api/street and its daily summary (contract v1.2, section 9), for a street token or the operator.
import { z } from "zod";
import type { Principal } from "../../auth/tokens";
import { figuresOf, STREET_DAILY_FIELDS, STREET_DAILY_LABELS, type StreetDailyRow, silentSince, totalsOf } from "../../domain/street-daily";
import { dayBounds, isCalendarDate, localDate } from "../../domain/zoned-day";
import { readDailyReport } from "../../queries/daily-report";
import { readStreet } from "../../queries/street";
import { invalid, zodIssues } from "../../zod-issues";
import { forbidden, route } from "../context";
import { toCsv } from "../csv";
import { sendJson } from "../respond";

const DailyQuery = z.strictObject({
  date: z.string().refine(isCalendarDate, "must be a calendar date written YYYY-MM-DD, e.g. 2026-04-05").optional(),
  /** A local time on that day, `HH:MM`: which compounds have had no event since. */
  silentSince: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time written HH:MM, e.g. 08:00")
    .optional(),
  format: z.enum(["json", "csv"], { message: "must be json or csv" }).default("json"),
  /** The CSV's header row (and its total line) in this language; without it, the English keys of the JSON. */
  lang: z.enum(["zh-CN", "en"], { message: "must be zh-CN or en" }).optional(),
});

/** The compounds the token watches: a street token's, or every one for the operator; others may not. */
async function watched(p: Principal, path: string, db: Parameters<typeof readStreet>[0], timeZone?: string) {
  if (p.role === "secretary" && !p.operator) throw forbidden(p.role, "GET", path);
  return readStreet(db, p.operator ? null : (p.communities ?? []), timeZone);
}

export const streetRoutes = [
  route("GET /api/street", async ({ res, deps, require }) => {
    const p = await require("street", "secretary");
    sendJson(res, 200, { communities: await watched(p, "/api/street", deps.handle.db, deps.reportTimeZone) });
  }),
  /** Each compound's figures for a day side by side with the totals; `&format=csv`; `&silentSince=HH:MM`. */
  route("GET /api/street/daily", async ({ res, url, deps, require }) => {
    const p = await require("street", "secretary");
    const q = DailyQuery.safeParse(Object.fromEntries(url.searchParams));
    if (!q.success) throw invalid("bad date, time or format", zodIssues(q.error.issues));
    const entries = await watched(p, "/api/street/daily", deps.handle.db, deps.reportTimeZone);
    const timeZone = deps.reportTimeZone ?? "Asia/Shanghai";
    const now = new Date();
    const today = localDate(now.getTime(), timeZone);
    const date = q.data.date ?? today;
    if (date > today) throw invalid("date: is in the future", [{ path: "date", message: "is in the future" }]);
    const rows: StreetDailyRow[] = [];
    for (const e of entries) {
      const report = await readDailyReport(deps.handle.db, e.community, date, timeZone, now);
      rows.push({ community: e.community, name: e.name, lastEventAt: e.lastEventAt, ...figuresOf(report) });
    }
    const [hh = 0, mm = 0] = (q.data.silentSince ?? "00:00").split(":").map(Number);
    const since = new Date(dayBounds(date, timeZone).start.getTime() + (hh * 60 + mm) * 60_000);
    const body = {
      date,
      timeZone,
      communities: rows,
      totals: totalsOf(rows),
      ...(q.data.silentSince ? { silentSince: since.toISOString(), silent: silentSince(rows, since) } : {}),
    };
    if (q.data.format === "json") return sendJson(res, 200, body);
    const keys = ["community", "name", ...STREET_DAILY_FIELDS, "lastEventAt"] as const;
    const words = q.data.lang ? STREET_DAILY_LABELS[q.data.lang] : null;
    const header = keys.map((k) => words?.[k] ?? k);
    const line = (r: StreetDailyRow) => [r.community, r.name, ...STREET_DAILY_FIELDS.map((f) => r[f]), r.lastEventAt];
    const csv = await toCsv(header, [
      ...rows.map(line),
      [words?.total ?? "total", null, ...STREET_DAILY_FIELDS.map((f) => body.totals[f]), null],
    ]);
    res.writeHead(200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="street-daily-${date}${q.data.lang ? `-${q.data.lang}` : ""}.csv"`,
      "cache-control": "no-store",
      "content-length": csv.length,
    });
    res.end(csv);
  }),
];
