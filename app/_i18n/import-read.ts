// The words for how a registry file was read (/import): its sheet, header row, columns and the rows left out.
import type { Lang } from "./dict";

type ReadDict = {
  title: string;
  sheet: string;
  headerAt: (line: number) => string;
  column: string;
  readAs: string;
  ignored: string;
  chosen: string;
  remembered: string;
  fields: Record<string, string>;
  totals: (n: number) => string;
  totalLine: (line: number, text: string) => string;
  afterImport: (bad: number, badLines: string, totals: number) => string;
};

const lines = (l: number[]) => (l.length > 10 ? `${l.slice(0, 10).join(", ")}, …` : l.join(", "));

export { lines as lineList };

export const IMPORT_READ: Record<Lang, ReadDict> = {
  en: {
    title: "How the file was read",
    sheet: "Sheet",
    headerAt: (line) => `Header: line ${line}`,
    column: "Column in the file",
    readAs: "Read as",
    ignored: "ignored",
    chosen: "your choice",
    remembered: "Your choices are remembered for this community's next file.",
    fields: {
      building: "building",
      entrance: "entrance",
      unit: "room",
      residents: "residents",
      name: "name",
      phone: "phone",
      skills: "skills",
      otherPhones: "other phones",
    },
    totals: (n) => `${n} totals ${n === 1 ? "row" : "rows"} (合计, 小计) left out`,
    totalLine: (line, text) => `Line ${line}: ${text}`,
    afterImport: (bad, badLines, totals) =>
      [
        bad ? `${bad} bad ${bad === 1 ? "row was" : "rows were"} skipped (line ${badLines})` : "",
        totals ? `${totals} totals ${totals === 1 ? "row" : "rows"} left out` : "",
      ]
        .filter(Boolean)
        .join("; ")
        .concat(": not imported."),
  },
  "zh-CN": {
    title: "文件的读法",
    sheet: "工作表",
    headerAt: (line) => `表头：第 ${line} 行`,
    column: "文件中的列",
    readAs: "读作",
    ignored: "不导入",
    chosen: "已手动指定",
    remembered: "所做的选择会记住，本社区下次导入时沿用。",
    fields: {
      building: "楼栋",
      entrance: "单元",
      unit: "室号",
      residents: "人数",
      name: "姓名",
      phone: "电话",
      skills: "技能",
      otherPhones: "其他电话",
    },
    totals: (n) => `${n} 行合计（合计、小计）未导入`,
    totalLine: (line, text) => `第 ${line} 行：${text}`,
    afterImport: (bad, badLines, totals) =>
      [bad ? `跳过了 ${bad} 行有误的行（第 ${badLines} 行）` : "", totals ? `${totals} 行合计未导入` : ""]
        .filter(Boolean)
        .join("；")
        .concat("。"),
  },
};
