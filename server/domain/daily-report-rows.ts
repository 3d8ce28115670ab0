// Why: the daily report as one table of rows (section, key, name, value, extra), so a spreadsheet opens it and a script reads it back.
import type { DailyReport } from "../protocol/daily-report";

export type Cell = string | number | null;

/** The header, in English and Chinese: the file is for the committee's spreadsheet as much as for scripts. */
export const CSV_HEADER = ["section 类别", "key 项目", "name 名称", "value 数值", "extra 备注"];

/** Every figure of the report as a row; the JSON and the CSV say the same. */
export function reportRows(r: DailyReport): Cell[][] {
  const rows: Cell[][] = [
    ["report", "date", null, r.date, null],
    ["report", "timeZone", null, r.timeZone, null],
    ["report", "from", null, r.from, null],
    ["report", "to", null, r.to, null],
    ["report", "complete", null, r.complete ? "yes" : "no", null],
    ["summary", "householdsTested", null, r.householdsTested, null],
    ["summary", "positives", null, r.positives, null],
    ["summary", "buildingsSealed", null, r.buildingsSealed, null],
    ["summary", "buildingsUnsealed", null, r.buildingsUnsealed, null],
    ["summary", "medianMinutesToDecision", null, r.requests.medianMinutesToDecision, null],
  ];
  for (const [post, h] of Object.entries(r.volunteerHours)) rows.push(["volunteerHours", post, null, h, null]);
  for (const [kind, n] of Object.entries(r.requests.opened)) rows.push(["requestsOpened", kind, null, n, null]);
  rows.push(["requestsDecided", "approved", null, r.requests.decided.approved, null]);
  rows.push(["requestsDecided", "rejected", null, r.requests.decided.rejected, null]);
  if (r.trips) for (const [k, n] of Object.entries(r.trips)) rows.push(["trips", k, null, n, null]);
  for (const x of r.releases) rows.push(["release", x.requestId, x.kind, x.basis, x.reason]);
  for (const x of r.rounds) rows.push(["round", x.roundId, x.kind, x.tested, null]);
  for (const b of r.buildings) rows.push(["building", b.buildingId, b.label, b.tested, b.positives]);
  r.testedByHour.forEach((n, hour) => {
    rows.push(["testedByHour", String(hour).padStart(2, "0"), null, n, null]);
  });
  return rows;
}
