// The words of the street's daily summary (/street/daily); its column headers are the CSV's (server/domain/street-daily.ts).
import type { Lang } from "./dict";

type StreetDailyDict = {
  title: string;
  heading: (date: string, timeZone: string, n: number) => string;
  back: string;
  date: string;
  since: string;
  csv: string;
  csvKeys: string;
  print: string;
  loading: string;
  forbidden: string;
  failed: (why: string) => string;
  silentTitle: (time: string) => string;
  noneSilent: string;
  silentMark: string;
  never: string;
  generated: (at: string) => string;
  unnamed: string;
};

export const STREET_DAILY: Record<Lang, StreetDailyDict> = {
  en: {
    title: "Street daily summary",
    heading: (date, tz, n) => `${date} (${tz}) · ${n} compound${n === 1 ? "" : "s"}`,
    back: "← Street wall",
    date: "Day",
    since: "No event since",
    csv: "CSV (these headers)",
    csvKeys: "CSV (data keys)",
    print: "Print",
    loading: "Loading…",
    forbidden: "The daily summary is for the street office's sign-in. Open the street office's link.",
    failed: (why) => `The summary could not be read: ${why}`,
    silentTitle: (time) => `Compounds with no event since ${time}`,
    noneSilent: "None: every compound has been heard from since then.",
    silentMark: "silent",
    never: "never",
    generated: (at) => `Printed from live data at ${at}`,
    unnamed: "(unnamed)",
  },
  "zh-CN": {
    title: "街道每日汇总",
    heading: (date, tz, n) => `${date}（${tz}）· ${n} 个小区`,
    back: "← 街道总览",
    date: "日期",
    since: "此后无动态",
    csv: "CSV（中文表头）",
    csvKeys: "CSV（数据键名）",
    print: "打印",
    loading: "正在加载…",
    forbidden: "每日汇总仅供街道登录查看。请打开街道的登录链接。",
    failed: (why) => `无法读取汇总：${why}`,
    silentTitle: (time) => `${time} 以来无动态的小区`,
    noneSilent: "无：此后每个小区都有动态。",
    silentMark: "无动态",
    never: "从未",
    generated: (at) => `根据实时数据生成于 ${at}`,
    unnamed: "（未命名）",
  },
};
