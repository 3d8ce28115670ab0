// Why: the daily report as the committee sends it to the street office: one sheet in the screen's language, local times, names.

import type { DailyReport } from "../protocol/daily-report";
import type { Cell } from "./daily-report-rows";

type Lang = "zh-CN" | "en";
type Person = { building: string; unit: string; person: string | null; approvedAt: Date | null };

const WORDS = {
  "zh-CN": {
    header: ["项目", "内容", "数值", "备注"],
    title: "疫情防控日报",
    compound: "小区",
    unnamed: "本小区",
    date: "日期",
    period: (from: string, to: string) => `${from} 至 ${to}`,
    underWay: "当日尚未结束，数字截至制表时",
    made: "制表时间",
    coverage: "本轮检测覆盖",
    coverageText: (round: string, t: number, n: number) => `${round}：已检测 ${t} 户 / 应检测 ${n} 户`,
    noRound: "当前没有检测轮次",
    tested: "当日检测户数",
    positives: "当日阳性户数",
    sealedToday: "当日封控楼栋数",
    unsealedToday: "当日解封楼栋数",
    sealedNow: "封控中的楼栋",
    since: "封控时间",
    none: "无",
    hours: "志愿者在岗时长（小时）",
    opened: "当日新申请",
    approved: "当日批准",
    rejected: "当日驳回",
    release: "放行",
    building: "楼栋检测",
    buildingText: (t: number, p: number) => `已检测 ${t} 户，阳性 ${p} 户`,
    round: "检测轮次",
    kinds: { leave: "外出", medical: "就医", medicine: "送药", supplies: "物资", other: "其他" } as Record<string, string>,
    basis: { documents: "材料齐全", urgent_medical: "紧急就医", override: "书记特批" } as Record<string, string>,
    pcr: "核酸",
    antigen: "抗原",
  },
  en: {
    header: ["Item", "Detail", "Figure", "Note"],
    title: "Daily epidemic report",
    compound: "Compound",
    unnamed: "our compound",
    date: "Date",
    period: (from: string, to: string) => `${from} to ${to}`,
    underWay: "The day is still under way: figures as of the time made",
    made: "Made at",
    coverage: "This round's coverage",
    coverageText: (round: string, t: number, n: number) => `${round}: ${t} households tested of ${n} to test`,
    noRound: "No round is open",
    tested: "Households tested on the day",
    positives: "Households positive on the day",
    sealedToday: "Buildings sealed on the day",
    unsealedToday: "Buildings unsealed on the day",
    sealedNow: "Buildings sealed now",
    since: "Sealed since",
    none: "none",
    hours: "Volunteer hours on duty",
    opened: "Requests opened",
    approved: "Requests approved",
    rejected: "Requests rejected",
    release: "Release",
    building: "Tests by building",
    buildingText: (t: number, p: number) => `${t} tested, ${p} positive`,
    round: "Round",
    kinds: { leave: "Leave", medical: "Medical", medicine: "Medicine", supplies: "Supplies", other: "Other" } as Record<string, string>,
    basis: { documents: "documents", urgent_medical: "urgent medical", override: "override" } as Record<string, string>,
    pcr: "PCR",
    antigen: "antigen",
  },
} as const;

/**
 * The people's sheet: four columns (item, detail, figure, note), every time on the compound's clock, buildings by
 * label, rounds by the label typed, people by name. `people` names the releases (the route is the secretary's).
 */
export function peopleTable(
  r: DailyReport,
  lang: Lang,
  people: ReadonlyMap<string, Person>,
  now = new Date(),
  postName: (post: string) => string = (p) => p,
): [string[], Cell[][]] {
  const w = WORDS[lang];
  const time = (d: Date | string) =>
    new Date(d).toLocaleString(lang, { timeZone: r.timeZone, dateStyle: "medium", timeStyle: "short", hour12: false });
  const roundName = (x: { roundId: string; label?: string | null; kind?: string }) =>
    x.label ?? `${x.kind === "antigen" ? w.antigen : x.kind === "pcr" ? w.pcr : ""} ${x.roundId}`.trim();
  const rows: Cell[][] = [
    [w.title, r.name ?? w.unnamed, null, null],
    [w.date, r.date, null, w.period(time(r.from), time(r.to))],
    [w.made, time(now), null, r.complete ? null : w.underWay],
    [
      w.coverage,
      r.coverage ? w.coverageText(roundName(r.coverage), r.coverage.tested, r.coverage.toTest) : w.noRound,
      r.coverage ? `${r.coverage.tested}/${r.coverage.toTest}` : null,
      null,
    ],
    [w.tested, null, r.householdsTested, null],
    [w.positives, null, r.positives, null],
    [w.sealedToday, null, r.buildingsSealed, null],
    [w.unsealedToday, null, r.buildingsUnsealed, null],
  ];
  const sealed = r.sealed ?? [];
  if (sealed.length === 0) rows.push([w.sealedNow, w.none, 0, null]);
  for (const b of sealed)
    rows.push([w.sealedNow, b.label, null, [b.since ? `${w.since} ${time(b.since)}` : null, b.reason].filter(Boolean).join("；") || null]);
  for (const [post, h] of Object.entries(r.volunteerHours)) rows.push([w.hours, postName(post), h, null]);
  for (const [kind, n] of Object.entries(r.requests.opened)) if (n > 0) rows.push([w.opened, w.kinds[kind] ?? kind, n, null]);
  rows.push([w.approved, null, r.requests.decided.approved, null]);
  rows.push([w.rejected, null, r.requests.decided.rejected, null]);
  for (const x of r.releases) {
    const p = people.get(x.requestId);
    const who = p ? [`${p.building} ${p.unit}`, p.person].filter(Boolean).join(" ") : x.requestId;
    const note = [w.basis[x.basis ?? ""] ?? null, x.reason, p?.approvedAt ? time(p.approvedAt) : null].filter(Boolean).join("；");
    rows.push([w.release, who, w.kinds[x.kind] ?? x.kind, note || null]);
  }
  for (const x of r.rounds) rows.push([w.round, roundName(x), x.tested, null]);
  for (const b of r.buildings) rows.push([w.building, b.label, b.tested, w.buildingText(b.tested, b.positives)]);
  return [[...w.header], rows];
}
