// Why: the daily report (日报, contract section 5) as JSON or CSV, for the secretary; the day is the compound's own.
import { z } from "zod";
import { scopedCommunity } from "../../auth/scope";
import { CSV_HEADER, reportRows } from "../../domain/daily-report-rows";
import { peopleTable } from "../../domain/report-table";
import { isCalendarDate, localDate } from "../../domain/zoned-day";
import { AppError } from "../../errors";
import { EARLIEST, Id } from "../../protocol/events";
import { readDailyReport } from "../../queries/daily-report";
import { readPostNames, readReportPeople, withReportExtras } from "../../queries/report-extras";
import { invalid, zodIssues } from "../../zod-issues";
import { route } from "../context";
import { toCsv } from "../csv";
import { sendJson } from "../respond";

const DEFAULT_TIME_ZONE = "Asia/Shanghai";

const ReportQuery = z.strictObject({
  community: Id.optional(),
  /** Default: today so far. */
  date: z.string().refine(isCalendarDate, "must be a calendar date written YYYY-MM-DD, e.g. 2026-04-05").optional(),
  /** `table`: the people's report (a CSV in the screen's language, `lang`), beside the data CSV. */
  format: z.enum(["json", "csv", "table"], { message: "must be json, csv or table" }).default("json"),
  lang: z.enum(["zh-CN", "en"]).default("zh-CN"),
});

export const reportRoutes = [
  /** The day's figures, counted by each event's occurredAt; `&format=csv` as a spreadsheet file. */
  route("GET /api/reports/daily", async ({ res, url, deps, require }) => {
    const p = await require("secretary", "street");
    const q = ReportQuery.safeParse(Object.fromEntries(url.searchParams));
    if (!q.success) {
      const issues = zodIssues(q.error.issues);
      throw invalid(`query: ${issues.map((i) => `${i.path} ${i.message}`).join("; ")}`, issues);
    }
    const community = scopedCommunity(p, q.data.community);
    const timeZone = deps.reportTimeZone ?? DEFAULT_TIME_ZONE;
    const now = new Date();
    const today = localDate(now.getTime(), timeZone);
    const date = q.data.date ?? today;
    if (date > today)
      throw new AppError(
        "validation",
        "report_date_future",
        { date, today, timeZone },
        { issues: [{ path: "date", message: "is in the future", reason: "in_future", params: { path: "date" } }] },
      );
    if (date < EARLIEST.slice(0, 10))
      throw new AppError(
        "validation",
        "before_2000",
        { path: "date" },
        {
          message: "query: date must be in the year 2000 or later",
          issues: [{ path: "date", message: "is before 2000", reason: "before_2000", params: { path: "date" } }],
        },
      );
    const db = deps.handle.db;
    const report = await withReportExtras(db, community, await readDailyReport(db, community, date, timeZone, now));
    if (q.data.format === "json") return sendJson(res, 200, report);
    const table = q.data.format === "table";
    const body = table
      ? await toCsv(
          ...peopleTable(
            report,
            q.data.lang,
            // A street office reads the figures, never who was let out.
            p.role === "secretary" ? await readReportPeople(db, community, report) : new Map(),
            now,
            await readPostNames(db, community, q.data.lang),
          ),
        )
      : await toCsv(CSV_HEADER, reportRows(report));
    res.writeHead(200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${table ? "daily-report-table" : "daily-report"}-${community}-${date}.csv"`,
      "cache-control": "no-store",
      "content-length": body.length,
    });
    res.end(body);
  }),
];
