// The words of the history page (/history): who did what and when to one request, household, building or volunteer.
import type { EventType } from "../../server/protocol/events";
import type { HistoryEntity } from "../../server/protocol/history";
import type { Lang } from "./dict";
import { DICTS } from "./dict";

type P = Record<string, any>;
/** Readable names for the ids a payload holds, from the registry; an id stands in when it is unknown. */
export interface Names {
  building(id: string): string;
  household(id: string): string;
  volunteer(id: string): string;
  /** A round by the label typed when it was opened; its id only when none was. */
  round(id: string): string;
}
type Sentence = (p: P, n: Names) => string;

type UndoKind = "household.test_undone" | "test.result_undone" | "volunteer.checkin_undone";

type HistoryDict = {
  link: string;
  linkTitle: (id: string) => string;
  title: Record<HistoryEntity, (name: string) => string>;
  back: string;
  loading: string;
  empty: string;
  secretaryOnly: string;
  failed: (why: string) => string;
  recorded: string;
  occurred: string;
  actor: string;
  what: string;
  /** Shown when the event says it happened at another time than it was recorded. */
  dated: string;
  count: (n: number) => string;
  /** The secretary's undo on a row: a tap, a test result or a check-in, with a reason. */
  undo: {
    column: string;
    button: string;
    buttonTitle: (what: string) => string;
    title: Record<UndoKind, (who: string) => string>;
    body: Record<UndoKind, (who: string) => string>;
    reason: string;
    needReason: string;
    confirm: string;
    cancel: string;
    working: string;
    done: string;
  };
  /** A sentence for every event type: a new type fails the type check until it has one. */
  sentence: Record<EventType, Sentence>;
};

const kind = (lang: Lang, k: unknown) => DICTS[lang].wall.requestKind[k as "leave"] ?? String(k);
const post = (lang: Lang, p: unknown) => DICTS[lang].wall.posts[String(p)] ?? String(p);

export const HISTORY: Record<Lang, HistoryDict> = {
  en: {
    link: "history",
    linkTitle: (id) => `Everything recorded about ${id}`,
    title: {
      request: (n) => `History of request ${n}`,
      household: (n) => `History of household ${n}`,
      building: (n) => `History of ${n}`,
      volunteer: (n) => `History of volunteer ${n}`,
    },
    back: "Back to the desk",
    loading: "Loading…",
    empty: "Nothing has been recorded about it.",
    secretaryOnly: "The history is for the secretary only.",
    failed: (why) => `Could not load the history: ${why}`,
    recorded: "Recorded",
    occurred: "Happened",
    actor: "By",
    what: "What",
    dated: "dated",
    count: (n) => `${n} event${n === 1 ? "" : "s"}, oldest first`,
    undo: {
      column: "Correct",
      button: "Undo…",
      buttonTitle: (what) => `Undo: ${what}`,
      title: {
        "household.test_undone": (h) => `Undo the door-knock tap for ${h}?`,
        "test.result_undone": (h) => `Undo the test result of ${h}?`,
        "volunteer.checkin_undone": (v) => `Undo the check-in of ${v}?`,
      },
      body: {
        "household.test_undone": (h) =>
          `${h} goes back to untested in this round and onto the door-knocking list; the tested count drops by one (and a positive's alarm is resolved). The tap and its undo both stay in the history.`,
        "test.result_undone": (h) =>
          `${h} stays tested in this round, with no result (a positive's alarm is resolved). The result and its undo both stay in the history.`,
        "volunteer.checkin_undone": (v) =>
          `${v} is off duty from now; the hours stop here. The check-in and its undo both stay in the history.`,
      },
      reason: "Reason (required, kept in the history)",
      needReason: "Write why it is undone.",
      confirm: "Undo",
      cancel: "Cancel",
      working: "Sending…",
      done: "undone",
    },
    sentence: {
      "building.registered": (p) => `Building ${p.label} registered (${p.buildingId})`,
      "household.registered": (p, n) =>
        `Household ${p.unit} registered in ${n.building(p.buildingId)}, ${p.residents} resident${p.residents === 1 ? "" : "s"}${p.contact ? `, contact ${p.contact.name} ${p.contact.phone}` : ""}`,
      "household.updated": (p, n) =>
        `Household ${p.unit} in ${n.building(p.buildingId)} updated: ${p.residents} residents${p.contact ? `, contact ${p.contact.name} ${p.contact.phone}` : ""}`,
      "volunteer.registered": (p) => `Volunteer ${p.name} registered${p.phone ? `, phone ${p.phone}` : ""}`,
      "volunteer.updated": (p) =>
        `Volunteer ${p.name} updated${p.phone ? `, phone ${p.phone}` : ""}${p.skills?.length ? `, skills ${p.skills.join(", ")}` : ""}`,
      "round.opened": (p) => `Round ${p.label ?? p.roundId} (${String(p.kind).toUpperCase()}) opened`,
      "round.closed": (p, n) => `Round ${n.round(p.roundId)} closed`,
      "household.tested": (p, n) =>
        `${n.household(p.householdId)} tested in round ${n.round(p.roundId)}${p.residentsTested !== undefined ? ` (${p.residentsTested} swabbed)` : ""}`,
      "test.result": (p, n) => `${n.household(p.householdId)}: ${p.result} result in round ${n.round(p.roundId)}`,
      "building.sealed": (p, n) => `${n.building(p.buildingId)} sealed${p.reason ? `: ${p.reason}` : ""}`,
      "building.unsealed": (p, n) => `${n.building(p.buildingId)} unsealed`,
      "volunteer.checked_in": (p, n) => `${n.volunteer(p.volunteerId)} checked in at ${post("en", p.post)}`,
      "volunteer.checked_out": (p, n) => `${n.volunteer(p.volunteerId)} checked out`,
      "request.opened": (p, n) =>
        `${p.urgent ? "Urgent " : ""}${p.urgent ? kind("en", p.kind).toLowerCase() : kind("en", p.kind)} request ${p.requestId} opened for ${n.household(p.householdId)}${p.person ? ` (${p.person})` : ""}${p.note ? `: ${p.note}` : ""}`,
      "request.document_added": (p) =>
        p.document === "test_report"
          ? `Test report added to ${p.requestId}, taken ${new Date(p.testedAt).toLocaleString("en")}`
          : `Commitment letter added to ${p.requestId}`,
      "request.approved": (p) =>
        `Request ${p.requestId} approved${p.override ? ` with an override: ${p.override.reason}` : ""}${p.note ? ` (${p.note})` : ""}`,
      "request.rejected": (p) => `Request ${p.requestId} rejected: ${p.reason}`,
      "request.fulfilled": (p) => `Request ${p.requestId} fulfilled`,
      "request.cancelled": (p) => `Request ${p.requestId} cancelled`,
      "gate.out": (p) => `Out through the gate on request ${p.requestId}`,
      "gate.in": (p) => `Back in through the gate on request ${p.requestId}`,
      "alert.acknowledged": (p) => `Alarm ${p.requestId ? `for request ${p.requestId}` : `#${p.alertId}`} acknowledged`,
      "post.minimum_set": (p) => `At least ${p.minimum} volunteers wanted at ${post("en", p.post)}`,
      "post.registered": (p) => `Post ${p.nameEn} (${p.nameZh}) registered as ${p.post}`,
      "registry.mapping_set": (p) => `How the ${p.kind} file's columns are read, remembered`,
      "demo.loaded": () => "Demo compound loaded",
      "demo.cleared": () => "Demo cleared: the compound starts empty",
      "household.test_undone": (p, n) =>
        `Door-knock tap for ${n.household(p.householdId)} undone in round ${n.round(p.roundId)}${p.reason ? `: ${p.reason}` : ""}`,
      "test.result_undone": (p, n) => `Test result of ${n.household(p.householdId)} undone${p.reason ? `: ${p.reason}` : ""}`,
      "volunteer.checkin_undone": (p, n) => `Check-in of ${n.volunteer(p.volunteerId)} undone${p.reason ? `: ${p.reason}` : ""}`,
      "volunteer.merged": (p, n) =>
        `${n.volunteer(p.volunteerId)} merged into ${n.volunteer(p.intoVolunteerId)}${p.reason ? `: ${p.reason}` : ""}`,
      "volunteer.retired": (p, n) => `${n.volunteer(p.volunteerId)} retired${p.reason ? `: ${p.reason}` : ""}`,
      "household.vacated": (p, n) =>
        `${n.household(p.householdId)} marked ${p.status === "vacant" ? "vacant" : "moved out"}${p.reason ? `: ${p.reason}` : ""}`,
      "household.reoccupied": (p, n) => `${n.household(p.householdId)} lived in again`,
      "community.named": (p) => `Compound named ${p.name}`,
    },
  },
  "zh-CN": {
    link: "记录",
    linkTitle: (id) => `${id} 的全部记录`,
    title: {
      request: (n) => `申请 ${n} 的记录`,
      household: (n) => `住户 ${n} 的记录`,
      building: (n) => `${n} 的记录`,
      volunteer: (n) => `志愿者 ${n} 的记录`,
    },
    back: "返回工作台",
    loading: "加载中…",
    empty: "暂无任何记录。",
    secretaryOnly: "记录仅限书记查看。",
    failed: (why) => `无法加载记录：${why}`,
    recorded: "记录时间",
    occurred: "发生时间",
    actor: "操作人",
    what: "事项",
    dated: "注明时间",
    count: (n) => `共 ${n} 条，按时间先后`,
    undo: {
      column: "更正",
      button: "撤销…",
      buttonTitle: (what) => `撤销：${what}`,
      title: {
        "household.test_undone": (h) => `撤销 ${h} 的采样登记？`,
        "test.result_undone": (h) => `撤销 ${h} 的检测结果？`,
        "volunteer.checkin_undone": (v) => `撤销 ${v} 的签到？`,
      },
      body: {
        "household.test_undone": (h) =>
          `${h} 在本轮恢复为未采样，回到敲门名单，已检测数减一（阳性警报随之解除）。原登记和这次撤销都保留在记录中。`,
        "test.result_undone": (h) => `${h} 在本轮仍算已采样，但没有检测结果（阳性警报随之解除）。原结果和这次撤销都保留在记录中。`,
        "volunteer.checkin_undone": (v) => `${v} 即刻离岗，工时到此为止。原签到和这次撤销都保留在记录中。`,
      },
      reason: "原因（必填，记入记录）",
      needReason: "请填写撤销的原因。",
      confirm: "撤销",
      cancel: "取消",
      working: "提交中…",
      done: "已撤销",
    },
    sentence: {
      "building.registered": (p) => `登记楼栋 ${p.label}（${p.buildingId}）`,
      "household.registered": (p, n) =>
        `登记住户：${n.building(p.buildingId)} ${p.unit} 室，${p.residents} 人${p.contact ? `，联系人 ${p.contact.name} ${p.contact.phone}` : ""}`,
      "household.updated": (p, n) =>
        `更新住户：${n.building(p.buildingId)} ${p.unit} 室，${p.residents} 人${p.contact ? `，联系人 ${p.contact.name} ${p.contact.phone}` : ""}`,
      "volunteer.registered": (p) => `登记志愿者 ${p.name}${p.phone ? `，电话 ${p.phone}` : ""}`,
      "volunteer.updated": (p) =>
        `更新志愿者 ${p.name}${p.phone ? `，电话 ${p.phone}` : ""}${p.skills?.length ? `，技能 ${p.skills.join("、")}` : ""}`,
      "round.opened": (p) => `开始检测轮次 ${p.label ?? p.roundId}（${p.kind === "pcr" ? "核酸" : "抗原"}）`,
      "round.closed": (p, n) => `结束检测轮次 ${n.round(p.roundId)}`,
      "household.tested": (p, n) =>
        `${n.household(p.householdId)} 已采样（轮次 ${n.round(p.roundId)}）${p.residentsTested !== undefined ? `，${p.residentsTested} 人` : ""}`,
      "test.result": (p, n) =>
        `${n.household(p.householdId)} 检测结果：${p.result === "positive" ? "阳性" : "阴性"}（轮次 ${n.round(p.roundId)}）`,
      "building.sealed": (p, n) => `${n.building(p.buildingId)} 封控${p.reason ? `：${p.reason}` : ""}`,
      "building.unsealed": (p, n) => `${n.building(p.buildingId)} 解封`,
      "volunteer.checked_in": (p, n) => `${n.volunteer(p.volunteerId)} 到岗：${post("zh-CN", p.post)}`,
      "volunteer.checked_out": (p, n) => `${n.volunteer(p.volunteerId)} 离岗`,
      "request.opened": (p, n) =>
        `${n.household(p.householdId)} 提出${p.urgent ? "紧急" : ""}${kind("zh-CN", p.kind)}申请 ${p.requestId}${p.person ? `（${p.person}）` : ""}${p.note ? `：${p.note}` : ""}`,
      "request.document_added": (p) =>
        p.document === "test_report"
          ? `申请 ${p.requestId} 补交检测报告，采样于 ${new Date(p.testedAt).toLocaleString("zh-CN")}`
          : `申请 ${p.requestId} 补交承诺书`,
      "request.approved": (p) =>
        `批准申请 ${p.requestId}${p.override ? `（特批：${p.override.reason}）` : ""}${p.note ? `，备注：${p.note}` : ""}`,
      "request.rejected": (p) => `驳回申请 ${p.requestId}：${p.reason}`,
      "request.fulfilled": (p) => `申请 ${p.requestId} 已办结`,
      "request.cancelled": (p) => `申请 ${p.requestId} 已撤销`,
      "gate.out": (p) => `申请 ${p.requestId} 持证人出门`,
      "gate.in": (p) => `申请 ${p.requestId} 持证人返回`,
      "alert.acknowledged": (p) => `确认警报${p.requestId ? `（申请 ${p.requestId}）` : ` #${p.alertId}`}`,
      "post.minimum_set": (p) => `${post("zh-CN", p.post)} 岗位至少需要 ${p.minimum} 人`,
      "post.registered": (p) => `登记岗位 ${p.nameZh}（${p.nameEn}），编号 ${p.post}`,
      "registry.mapping_set": (p) => `记住${p.kind === "volunteers" ? "志愿者名单" : "住户登记表"}各列的读法`,
      "demo.loaded": () => "载入演示小区",
      "demo.cleared": () => "清除演示数据：小区从空白开始",
      "household.test_undone": (p, n) =>
        `撤销 ${n.household(p.householdId)} 的采样登记（轮次 ${n.round(p.roundId)}）${p.reason ? `：${p.reason}` : ""}`,
      "test.result_undone": (p, n) => `撤销 ${n.household(p.householdId)} 的检测结果${p.reason ? `：${p.reason}` : ""}`,
      "volunteer.checkin_undone": (p, n) => `撤销 ${n.volunteer(p.volunteerId)} 的签到${p.reason ? `：${p.reason}` : ""}`,
      "volunteer.merged": (p, n) =>
        `${n.volunteer(p.volunteerId)} 合并到 ${n.volunteer(p.intoVolunteerId)}${p.reason ? `：${p.reason}` : ""}`,
      "volunteer.retired": (p, n) => `${n.volunteer(p.volunteerId)} 已停用${p.reason ? `：${p.reason}` : ""}`,
      "household.vacated": (p, n) =>
        `${n.household(p.householdId)} 标记为${p.status === "vacant" ? "空置" : "已迁出"}${p.reason ? `：${p.reason}` : ""}`,
      "household.reoccupied": (p, n) => `${n.household(p.householdId)} 恢复在住`,
      "community.named": (p) => `小区命名为 ${p.name}`,
    },
  },
};

/** The language of a `locale` string as the desk passes it. */
export const historyWords = (locale: string) => HISTORY[locale === "zh-CN" ? "zh-CN" : "en"];
