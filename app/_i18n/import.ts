// The words of the registry import page (/import) and of its link on the desk.
import type { ImportKind } from "../../server/domain/registry-import/types";
import type { Lang } from "./dict";

type Counted = "buildings" | "households" | "volunteers";

type ImportDict = {
  link: string;
  title: string;
  back: string;
  intro: string;
  file: string;
  kind: string;
  kinds: Record<ImportKind, string>;
  community: string;
  skip: string;
  skipHint: string;
  reading: string;
  preview: string;
  fileAs: (format: string, encoding: string | null, rows: number) => string;
  columns: { what: string; new: string; changed: string; unchanged: string };
  counted: Record<Counted, string>;
  badRows: (n: number) => string;
  skipped: (n: number) => string;
  line: (n: number) => string;
  noBadRows: string;
  changedRows: string;
  fields: Record<string, string>;
  nothing: string;
  demo: string;
  importButton: string;
  uploading: string;
  recording: (done: number, total: number) => string;
  done: (n: number) => string;
  refused: string;
  failed: (why: string) => string;
  secretaryOnly: string;
  now: string;
};

export const IMPORT: Record<Lang, ImportDict> = {
  en: {
    link: "Import registry",
    title: "Import the registry",
    back: "← Desk",
    intro:
      "Choose the committee's own file: CSV (UTF-8 or GBK, as Excel or WPS saves it) or an Excel workbook (.xlsx). Title rows above the header are fine: the preview shows which row is the header and how each column is read, and you can correct it. Nothing is recorded until you press Import, and then all rows are recorded together or none.",
    file: "File",
    kind: "What the file lists",
    kinds: { households: "Households (building, unit, residents, contact)", volunteers: "Volunteers (name, phone, skills)" },
    community: "Community",
    skip: "Skip bad rows",
    skipHint: "Import the good rows and list the bad ones, instead of refusing the whole file.",
    reading: "Reading the file…",
    preview: "Preview",
    fileAs: (format, encoding, rows) => `${format.toUpperCase()}${encoding ? `, ${encoding}` : ""}, ${rows.toLocaleString("en")} rows`,
    columns: { what: "", new: "New", changed: "Changed", unchanged: "Unchanged" },
    counted: { buildings: "Buildings", households: "Households", volunteers: "Volunteers" },
    badRows: (n) => `${n} bad ${n === 1 ? "row" : "rows"}: nothing will be imported until they are fixed or skipped`,
    skipped: (n) => `${n} bad ${n === 1 ? "row" : "rows"}, skipped`,
    line: (n) => `Line ${n}`,
    noBadRows: "No bad rows.",
    changedRows: "Rows that change what is registered",
    fields: { residents: "residents", phone: "phone", name: "name", unit: "unit", skills: "skills" },
    nothing: "Nothing to import: every row is already registered as it is.",
    demo: "This community holds the demo compound: an import into it is refused, so that demo numbers never mix with yours. Clear the demo first: on the desk (/), the demo banner's “Clear the demo and start our compound…”. Or try your file in another community (type its name above).",
    importButton: "Import",
    uploading: "Sending the file…",
    recording: (done, total) => `Recording ${done.toLocaleString("en")} of ${total.toLocaleString("en")}…`,
    done: (n) => `Imported: ${n.toLocaleString("en")} changes recorded in one go.`,
    refused: "Refused: nothing was imported.",
    failed: (why) => `The import did not go through (${why}); nothing was imported.`,
    secretaryOnly: "Only the secretary imports the registry: open the secretary's sign-in link.",
    now: "Registered now",
  },
  "zh-CN": {
    link: "导入登记表",
    title: "导入登记表",
    back: "← 返回主页",
    intro:
      "选择居委会自己的文件：CSV（UTF-8 或 GBK，即 Excel、WPS 另存的格式）或 Excel 工作簿（.xlsx）。表头上方可以有标题行：预览会显示哪一行是表头、每一列读作什么，读错了可以改。点击“导入”之前不会记录任何内容；导入时所有行一起记录，要么全部成功，要么一行都不记录。",
    file: "文件",
    kind: "文件内容",
    kinds: { households: "住户（楼栋、室号、人数、联系人）", volunteers: "志愿者（姓名、电话、技能）" },
    community: "社区",
    skip: "跳过有误的行",
    skipHint: "导入正确的行，并列出有误的行，而不是拒绝整个文件。",
    reading: "正在读取文件…",
    preview: "预览",
    fileAs: (format, encoding, rows) => `${format.toUpperCase()}${encoding ? `，${encoding}` : ""}，共 ${rows.toLocaleString("zh-CN")} 行`,
    columns: { what: "", new: "新增", changed: "变更", unchanged: "不变" },
    counted: { buildings: "楼栋", households: "住户", volunteers: "志愿者" },
    badRows: (n) => `${n} 行有误：改正或跳过之前不会导入任何内容`,
    skipped: (n) => `${n} 行有误，已跳过`,
    line: (n) => `第 ${n} 行`,
    noBadRows: "没有有误的行。",
    changedRows: "会改变已登记内容的行",
    fields: { residents: "人数", phone: "电话", name: "姓名", unit: "室号", skills: "技能" },
    nothing: "无需导入：每一行都已按原样登记。",
    demo: "该社区存放的是演示小区：为避免演示数据与真实数据混在一起，不能导入到这里。请先清除演示数据：在工作台（/）演示横幅上点“清除演示数据，开始录入本小区…”。也可以先导入到另一个社区试一试（在上方填写名称）。",
    importButton: "导入",
    uploading: "正在发送文件…",
    recording: (done, total) => `正在记录 ${done.toLocaleString("zh-CN")} / ${total.toLocaleString("zh-CN")}…`,
    done: (n) => `导入完成：一次记录了 ${n.toLocaleString("zh-CN")} 项变更。`,
    refused: "已拒绝：没有导入任何内容。",
    failed: (why) => `导入未完成（${why}），没有导入任何内容。`,
    secretaryOnly: "只有书记可以导入登记表：请打开书记的登录链接。",
    now: "当前已登记",
  },
};
