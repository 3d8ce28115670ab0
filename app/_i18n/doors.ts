// Why: the door-knocking list's and the household picker's words, beside dict.ts (same languages, same shape rules).
import type { Lang } from "./dict";

type DoorsDict = {
  title: string;
  consoleTitle: string;
  left: (n: string) => string;
  noRound: string;
  allDone: string;
  buildingDone: string;
  tapHint: string;
  marked: (building: string, unit: string) => string;
  /** A tapped tile, kept in place a few seconds: its mark, its undo button, and what an undo says. */
  tappedMark: string;
  undo: string;
  undoTitle: (unit: string) => string;
  undone: (building: string, unit: string) => string;
  yourBuilding: string;
  chooseBuilding: string;
  changeBuilding: string;
  chooseUnit: string;
  change: string;
  pickFirst: string;
  loading: string;
  show: string;
  hide: string;
  /** The desk's small link by each unit to its history (secretary only). */
  history: string;
  historyTitle: (building: string, unit: string) => string;
};

export const DOORS: Record<Lang, DoorsDict> = {
  en: {
    title: "Door-knocking: households not yet tested",
    consoleTitle: "Door-knocking",
    left: (n) => `${n} left`,
    noRound: "No round is open: nothing to knock for.",
    allDone: "Every household is tested in this round.",
    buildingDone: "Every household in this building is tested.",
    tapHint: "Tap a unit once it is swabbed: it is recorded at once.",
    marked: (b, u) => `${b} ${u}: recorded as tested`,
    tappedMark: "✓",
    undo: "Undo",
    undoTitle: (u) => `Undo the tap on ${u}`,
    undone: (b, u) => `${b} ${u}: tap undone, back on the list`,
    yourBuilding: "Your building",
    chooseBuilding: "Choose a building",
    changeBuilding: "Change building",
    chooseUnit: "Choose the unit",
    change: "Change",
    pickFirst: "Choose a household first: a building, then the unit.",
    loading: "Loading…",
    show: "Show",
    hide: "Hide",
    history: "history",
    historyTitle: (b, u) => `History of ${b} ${u}`,
  },
  "zh-CN": {
    title: "扫楼：本轮尚未检测的住户",
    consoleTitle: "扫楼",
    left: (n) => `剩 ${n} 户`,
    noRound: "当前没有检测轮次，无需扫楼。",
    allDone: "本轮所有住户均已检测。",
    buildingDone: "本楼所有住户均已检测。",
    tapHint: "采样完成后点一下门牌号，立即登记。",
    marked: (b, u) => `${b} ${u}：已登记采样`,
    tappedMark: "✓",
    undo: "撤销",
    undoTitle: (u) => `撤销 ${u} 的采样登记`,
    undone: (b, u) => `${b} ${u}：已撤销，重新列入待检`,
    yourBuilding: "负责楼栋",
    chooseBuilding: "选择楼栋",
    changeBuilding: "更换楼栋",
    chooseUnit: "选择门牌号",
    change: "更改",
    pickFirst: "请先选择住户：先选楼栋，再选门牌号。",
    loading: "加载中…",
    show: "展开",
    hide: "收起",
    history: "记录",
    historyTitle: (b, u) => `${b} ${u} 的全部记录`,
  },
};
