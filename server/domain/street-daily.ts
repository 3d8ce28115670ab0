// Why: the street office's daily summary (v1.2, section 9): each compound's day side by side with the totals. Pure.
import type { DailyReport } from "../protocol/daily-report";

export const STREET_DAILY_FIELDS = [
  "householdsTested",
  "positives",
  "buildingsSealed",
  "buildingsUnsealed",
  "requestsOpened",
  "approved",
  "rejected",
  "releases",
  "volunteerHours",
] as const;
export type StreetDailyField = (typeof STREET_DAILY_FIELDS)[number];
export type StreetDailyFigures = Record<StreetDailyField, number>;

export interface StreetDailyRow extends StreetDailyFigures {
  community: string;
  name: string | null;
  lastEventAt: string | null;
}

/** One compound's day in the summary's columns. */
export function figuresOf(r: DailyReport): StreetDailyFigures {
  const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  return {
    householdsTested: r.householdsTested,
    positives: r.positives,
    buildingsSealed: r.buildingsSealed,
    buildingsUnsealed: r.buildingsUnsealed,
    requestsOpened: sum(r.requests.opened),
    approved: r.requests.decided.approved,
    rejected: r.requests.decided.rejected,
    releases: r.releases.length,
    volunteerHours: Math.round(sum(r.volunteerHours) * 100) / 100,
  };
}

/** Every column added up over the compounds (hours to the hundredth). */
export function totalsOf(rows: readonly StreetDailyFigures[]): StreetDailyFigures {
  const t = Object.fromEntries(STREET_DAILY_FIELDS.map((f) => [f, 0])) as StreetDailyFigures;
  for (const r of rows) for (const f of STREET_DAILY_FIELDS) t[f] += r[f];
  t.volunteerHours = Math.round(t.volunteerHours * 100) / 100;
  return t;
}

/** The compounds with no event recorded at or after `since`: a compound that has gone quiet. */
export const silentSince = (rows: readonly StreetDailyRow[], since: Date): string[] =>
  rows.filter((r) => r.lastEventAt === null || Date.parse(r.lastEventAt) < since.getTime()).map((r) => r.community);

/** Every column of the summary as a person reads it: the page's headers, and the CSV's with `&lang=`. */
export type StreetDailyColumn = "community" | "name" | StreetDailyField | "lastEventAt" | "total";
export const STREET_DAILY_LABELS: Record<"en" | "zh-CN", Record<StreetDailyColumn, string>> = {
  en: {
    community: "Compound id",
    name: "Compound",
    householdsTested: "Households tested",
    positives: "Positives",
    buildingsSealed: "Buildings sealed",
    buildingsUnsealed: "Buildings unsealed",
    requestsOpened: "Requests opened",
    approved: "Approved",
    rejected: "Rejected",
    releases: "Releases approved",
    volunteerHours: "Volunteer hours",
    lastEventAt: "Last event",
    total: "Total",
  },
  "zh-CN": {
    community: "小区编号",
    name: "小区",
    householdsTested: "已采样户数",
    positives: "阳性",
    buildingsSealed: "封控楼栋",
    buildingsUnsealed: "解封楼栋",
    requestsOpened: "新增申请",
    approved: "批准",
    rejected: "驳回",
    releases: "批准放行",
    volunteerHours: "志愿者工时",
    lastEventAt: "最近动态",
    total: "合计",
  },
};
