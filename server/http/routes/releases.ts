// Why: the release register for the secretary (contract section 8), as JSON or as a CSV a committee's spreadsheet opens.
import { z } from "zod";
import { scopedCommunity } from "../../auth/scope";
import { dayBounds, isCalendarDate } from "../../domain/zoned-day";
import { Id } from "../../protocol/events";
import { readReleases } from "../../queries/releases";
import { invalid, zodIssues } from "../../zod-issues";
import { route } from "../context";
import { toCsv } from "../csv";
import { sendJson } from "../respond";

/** A moment (ISO 8601 with a zone) or a calendar day of the compound (from its midnight; `to` up to the next midnight). */
const When = z.string().refine((v) => isCalendarDate(v) || !Number.isNaN(Date.parse(v)), "must be YYYY-MM-DD or an ISO 8601 date-time");
const Query = z.strictObject({
  community: Id.optional(),
  from: When.optional(),
  to: When.optional(),
  format: z.enum(["json", "csv"], { message: "must be json or csv" }).default("json"),
});

const HEADER = [
  "requestId 申请号",
  "building 楼栋",
  "unit 室号",
  "person 姓名",
  "kind 类型",
  "basis 依据",
  "overrideReason 特批理由",
  "approvedAt 批准时间",
  "documents 材料",
  "passUntil 通行证有效至",
  "tripHours 每次外出时长",
  "outAt 出门",
  "inAt 返回",
  "overdue 逾时",
];

export const releaseRoutes = [
  /** Every approved leave or medical request in [from, to) by approval time; default: the last 30 days. */
  route("GET /api/releases", async ({ res, url, deps, require }) => {
    const p = await require("secretary");
    const q = Query.safeParse(Object.fromEntries(url.searchParams));
    if (!q.success) {
      const issues = zodIssues(q.error.issues);
      throw invalid(`query: ${issues.map((i) => `${i.path} ${i.message}`).join("; ")}`, issues);
    }
    const tz = deps.reportTimeZone ?? "Asia/Shanghai";
    const now = new Date();
    const at = (v: string | undefined, edge: "start" | "end", fallback: Date) =>
      v === undefined ? fallback : isCalendarDate(v) ? dayBounds(v, tz)[edge] : new Date(v);
    const from = at(q.data.from, "start", new Date(now.getTime() - 30 * 86_400_000));
    const to = at(q.data.to, "end", new Date(now.getTime() + 60_000));
    const community = scopedCommunity(p, q.data.community);
    const releases = await readReleases(deps.handle.db, community, from, to, now, deps.passKey);
    if (q.data.format === "json") return sendJson(res, 200, { from: from.toISOString(), to: to.toISOString(), releases });
    const rows: (string | number | null)[][] = [];
    for (const r of releases) {
      const base = [
        r.requestId,
        r.building,
        r.unit,
        r.person,
        r.kind,
        r.basis,
        r.overrideReason,
        r.approvedAt,
        r.documents.map((d) => (d.testedAt ? `${d.document} (${d.testedAt})` : d.document)).join("; "),
        r.pass?.until ?? null,
        r.pass?.tripHours ?? null,
      ];
      if (r.trips.length === 0) rows.push([...base, null, null, null]);
      for (const t of r.trips) rows.push([...base, t.outAt, t.inAt, t.overdue ? "yes 是" : "no 否"]);
    }
    const body = await toCsv(HEADER, rows);
    res.writeHead(200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="releases-${community}.csv"`,
      "cache-control": "no-store",
      "content-length": body.length,
    });
    res.end(body);
  }),
];
