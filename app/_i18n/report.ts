// The words of the daily report page (/report, 日报), printed on one A4 page in Chinese or English.
import type { ReleaseBasis } from "../../server/protocol/daily-report";
import type { Lang } from "./dict";

type ReportDict = {
  link: string;
  title: string;
  back: string;
  date: string;
  csv: string;
  /** The people's sheet (format=table) beside the data CSV. */
  table: string;
  print: string;
  /** The compound's name until it is named. */
  unnamed: string;
  coverage: string;
  coverageText: (round: string, tested: string, toTest: string) => string;
  sealedNow: string;
  sealedSince: (at: string) => string;
  loading: string;
  secretaryOnly: string;
  failed: (why: string) => string;
  /** The line under the title: the day, its zone and the compound. */
  heading: (date: string, timeZone: string, community: string) => string;
  underWay: (asOf: string) => string;
  generated: (at: string) => string;
  figures: {
    householdsTested: string;
    positives: string;
    buildingsSealed: string;
    buildingsUnsealed: string;
    opened: string;
    decided: string;
  };
  hoursByPost: string;
  hours: (h: number) => string;
  testsByHour: string;
  requests: string;
  kind: string;
  openedCol: string;
  approved: string;
  rejected: string;
  median: string;
  minutes: (m: number | null) => string;
  releases: string;
  request: string;
  basis: string;
  reason: string;
  basisName: Record<ReleaseBasis, string>;
  rounds: string;
  round: string;
  tested: string;
  buildings: string;
  building: string;
  positive: string;
  none: string;
};

export const REPORT: Record<Lang, ReportDict> = {
  en: {
    link: "Daily report",
    title: "Daily report",
    back: "Back to the desk",
    date: "Day",
    csv: "Download data (CSV)",
    table: "Download the report table (CSV)",
    print: "Print",
    unnamed: "our compound",
    coverage: "This round",
    coverageText: (round, t, n) => `${round}: ${t} of ${n} households to test are tested`,
    sealedNow: "Buildings sealed now",
    sealedSince: (at) => `since ${at}`,
    loading: "Loading…",
    secretaryOnly: "The daily report is for the secretary only.",
    failed: (why) => `Could not load the report: ${why}`,
    heading: (date, tz, c) => `${c} · ${date} · midnight to midnight, ${tz}`,
    underWay: (asOf) => `The day is still under way: figures as of ${asOf}.`,
    generated: (at) => `Printed from Cordon at ${at}`,
    figures: {
      householdsTested: "Households tested",
      positives: "Positive results",
      buildingsSealed: "Buildings sealed",
      buildingsUnsealed: "Buildings unsealed",
      opened: "Requests opened",
      decided: "Requests decided",
    },
    hoursByPost: "Volunteer hours by post",
    hours: (h) => `${h.toLocaleString("en", { maximumFractionDigits: 2 })} h`,
    testsByHour: "Households tested by hour",
    requests: "Requests",
    kind: "Kind",
    openedCol: "Opened",
    approved: "Approved",
    rejected: "Rejected",
    median: "Median time to a decision",
    minutes: (m) => (m === null ? "—" : `${m.toLocaleString("en")} min`),
    releases: "Releases approved",
    request: "Request",
    basis: "Basis",
    reason: "Override reason",
    basisName: { documents: "Documents", urgent_medical: "Urgent medical", override: "Override" },
    rounds: "Rounds",
    round: "Round",
    tested: "Tested",
    buildings: "Tests by building",
    building: "Building",
    positive: "Positive",
    none: "None",
  },
  "zh-CN": {
    link: "日报",
    title: "疫情防控工作日报",
    back: "返回工作台",
    date: "日期",
    csv: "下载数据（CSV）",
    table: "下载日报表格（CSV）",
    print: "打印",
    unnamed: "本小区",
    coverage: "本轮检测",
    coverageText: (round, t, n) => `${round}：应检测 ${n} 户，已检测 ${t} 户`,
    sealedNow: "封控中的楼栋",
    sealedSince: (at) => `自 ${at} 起`,
    loading: "加载中…",
    secretaryOnly: "日报仅限书记查看。",
    failed: (why) => `无法加载日报：${why}`,
    heading: (date, tz, c) => `${c} · ${date} · 零时至二十四时（${tz}）`,
    underWay: (asOf) => `当日尚未结束：数据截至 ${asOf}。`,
    generated: (at) => `由 Cordon 于 ${at} 生成`,
    figures: {
      householdsTested: "已采样户数",
      positives: "阳性结果",
      buildingsSealed: "新封控楼栋",
      buildingsUnsealed: "解封楼栋",
      opened: "新增申请",
      decided: "已处理申请",
    },
    hoursByPost: "各岗位志愿者工时",
    hours: (h) => `${h.toLocaleString("zh-CN", { maximumFractionDigits: 2 })} 小时`,
    testsByHour: "每小时采样户数",
    requests: "居民申请",
    kind: "类别",
    openedCol: "新增",
    approved: "批准",
    rejected: "驳回",
    median: "处理用时中位数",
    minutes: (m) => (m === null ? "—" : `${m.toLocaleString("zh-CN")} 分钟`),
    releases: "批准放行",
    request: "申请",
    basis: "依据",
    reason: "特批理由",
    basisName: { documents: "材料齐全", urgent_medical: "紧急就医", override: "特批" },
    rounds: "检测轮次",
    round: "轮次",
    tested: "采样",
    buildings: "各楼栋采样",
    building: "楼栋",
    positive: "阳性",
    none: "无",
  },
};
