// Why: every reason the server can give, in Chinese and English; screens show refusals through errorText, never the server's sentence.
import { isReason, type Params, type ReasonRef, refs, render, type Templates } from "../../server/protocol/reasons";
import { EN } from "../../server/protocol/reasons-en";
import type { Lang } from "./dict";
import { isIsoMoment, localWhen } from "./when";

const KIND: Record<string, string> = { leave: "外出", medical: "就医", medicine: "购药", supplies: "物资", other: "其他" };
const STATUS: Record<string, string> = {
  pending: "待处理",
  approved: "已批准",
  rejected: "已驳回",
  fulfilled: "已完成",
  cancelled: "已撤销",
};
const ACTION: Record<string, string> = {
  document_added: "补充材料",
  approved: "批准",
  rejected: "驳回",
  fulfilled: "完成",
  cancelled: "取消",
};
const ROLE: Record<string, string> = { secretary: "书记", volunteer: "志愿者", display: "大屏", street: "街道", resident: "住户" };
const ENTITY: Record<string, string> = { household: "住户", volunteer: "志愿者" };
const FIELD: Record<string, string> = {
  buildingId: "楼栋",
  householdId: "住户",
  volunteerId: "志愿者",
  roundId: "轮次",
  requestId: "请求",
  alertId: "警报",
  residents: "人数",
  residentsTested: "检测人数",
  unit: "室号",
  name: "姓名",
  phone: "电话",
  contact: "联系人",
  skills: "技能",
  post: "岗位",
  nameZh: "中文名",
  nameEn: "英文名",
  minimum: "最少人数",
  label: "名称",
  kind: "类型",
  result: "结果",
  note: "备注",
  person: "人员",
  reason: "理由",
  override: "特批",
  document: "材料",
  testedAt: "检测时间",
  occurredAt: "发生时间",
  community: "社区",
  date: "日期",
  role: "角色",
  type: "事件类型",
  events: "事件",
  file: "文件",
};

/** A registry field as a Chinese header names it. */
const IMPORT_FIELD: Record<string, string> = {
  building: "楼栋（楼号）",
  entrance: "单元",
  unit: "室号（房号）",
  residents: "人数",
  name: "姓名（户主）",
  phone: "电话（手机号码）",
  skills: "技能",
};
const importFields = (p: Params) =>
  String(p.fields ?? p.field ?? "")
    .split(",")
    .map((f) => IMPORT_FIELD[f] ?? f)
    .join("、");
const word = (table: Record<string, string>, v: unknown) => table[String(v)] ?? String(v);
/** The field a path ends with, in Chinese when known: `payload.residents` → 人数. */
const field = (p: Params) => {
  const path = String(p.path ?? "");
  const last =
    path
      .split(".")
      .filter((s) => !/^\d+$|^events\[\d+\]$/.test(s))
      .pop() ?? "";
  return last ? `“${FIELD[last] ?? last}”` : "";
};
const req = (p: Params) => (p.requestId !== undefined ? `请求 ${p.requestId}：` : "");
const age = (p: Params) => (p.hours !== undefined ? `${p.hours} 小时` : `${p.minutes} 分钟`);
const alertWhat = (p: Params) => (p.alertId !== undefined ? `警报 ${p.alertId}` : `请求 ${p.requestId} 的警报`);
const what = (p: Params) => `这项${p.urgent ? "紧急" : ""}${word(KIND, p.kind)}请求`;

export const ZH: Templates = {
  building_unknown: (p) => `楼栋 ${p.buildingId} 尚未登记，请先登记该楼栋`,
  household_unknown: (p) => `住户 ${p.householdId} 未登记。`,
  volunteer_unknown: (p) => `志愿者 ${p.volunteerId} 未登记。`,
  volunteer_unknown_in_community: (p) => `志愿者 ${p.volunteerId} 未在社区 ${p.community} 登记，请先登记`,
  round_unknown: (p) => `检测轮次 ${p.roundId} 不存在。`,
  request_unknown: (p) => `请求 ${p.requestId} 不存在：请先提交请求。`,
  building_already_registered: (p) => `楼栋 ${p.buildingId} 已登记过`,
  household_already_registered: (p) => `住户 ${p.householdId} 已登记过`,
  volunteer_already_registered: (p) => `志愿者 ${p.volunteerId} 已登记过`,
  request_already_exists: (p) => `请求编号 ${p.requestId} 已被使用：请换一个编号。`,
  household_other_building: (p) => `住户 ${p.householdId} 属于楼栋 ${p.buildingId}，不属于 ${p.asked}；住户不能换楼栋`,
  event_id_reused: (p) => `事件编号 ${p.id} 已用于其他内容，请换一个编号`,
  round_still_open: (p) => `检测轮次 ${p.roundId} 仍在进行，请先结束它`,
  round_already_opened: (p) => `检测轮次 ${p.roundId} 已开启过，请换一个轮次编号`,
  round_already_closed: (p) => `检测轮次 ${p.roundId} 已结束`,
  // Shown beside the household or round acted on: said without its id (a person never reads h-1-101-… or pcr-…).
  round_closed: () => "这一轮检测已结束：请在当前轮次登记。",
  household_not_tested: () => "这户在本轮还没有采样记录：请先登记采样。",
  building_not_sealed: (p) => `楼栋 ${p.buildingId} 未被封控`,
  volunteer_already_on_duty: (p) => `志愿者 ${p.volunteerId} 已在岗：请先签退。`,
  volunteer_not_on_duty: (p) => `志愿者 ${p.volunteerId} 未在岗，无需签退。`,
  nothing_to_undo: () => "没有可撤销的记录。",
  undo_window_passed: (p) => `志愿者只能在 ${p.minutes} 分钟内撤销自己的记录，请联系书记。`,
  undo_not_yours: () => "只有记录人或书记可以撤销这条记录。",
  undo_needs_reason: () => "撤销他人的记录需要填写原因。",
  volunteer_retired: (p) => `志愿者 ${p.volunteerId} 已停用${p.mergedInto ? `（已合并到 ${p.mergedInto}）` : ""}。`,
  volunteer_merge_self: () => "不能把志愿者合并到自己。",
  household_not_lived_in: (p) => `这户已标记为${p.status === "vacant" ? "空置" : "已迁出"}，不用再登记。`,
  household_already_lived_in: () => "这户已是在住状态。",
  request_not_pending: (p) =>
    `请求${p.requestId !== undefined ? ` ${p.requestId}` : ""} ${word(STATUS, p.status)}，已无法${word(ACTION, p.action)}。`,
  request_not_approved: (p) =>
    `请求${p.requestId !== undefined ? ` ${p.requestId}` : ""} ${word(STATUS, p.status)}：须先批准才能${word(ACTION, p.action)}。`,
  no_pass: (p) => `请求 ${p.requestId} 没有通行证：只有已批准的外出或就医请求才能出门。`,
  pass_expired: (p) => `请求 ${p.requestId} 的通行证已于 ${p.until} 过期：请书记重新审批。`,
  already_out: (p) => `请求 ${p.requestId} 的持证人已外出（${p.outAt} 起）：请先登记返回。`,
  not_out: (p) => `请求 ${p.requestId} 的持证人未外出：只有已出门的人才能登记返回。`,
  pass_other_compound: () => "这是其他小区的通行证：持证人不能从本门岗通行。",
  pass_unknown: () => "没有此号码的通行证：可能输错，或截图已过时。",
  test_report_after_event: () => "核酸报告的采样时间晚于提交时间：请检查日期。",
  test_report_in_future: (p) => `核酸报告的采样时间比现在晚了 ${p.slackMinutes} 分钟以上：请检查手机的日期和时间。`,
  decision_dated_before_opened: (p) =>
    `请求${p.requestId !== undefined ? ` ${p.requestId}` : ""}的处理时间早于提交时间 ${p.slackMinutes} 分钟以上：请检查日期。`,
  registration_in_demo_community: (p) =>
    `社区 ${p.community} 中是演示数据，清除演示时会连同一起删除；请先在工作台点“清除演示数据”，再登记真实楼栋、住户和志愿者`,
  alert_unknown: (p) => `${alertWhat(p)}不存在`,
  alert_already_acknowledged: (p) => `${alertWhat(p)}已确认过`,
  alert_already_resolved: (p) => `${alertWhat(p)}已解除：该请求已处理`,
  post_already_registered: (p) => `岗位 ${p.post} 已登记（${p.nameZh} / ${p.nameEn}）`,
  post_name_taken: (p) => `岗位 ${p.post}（${p.nameZh} / ${p.nameEn}）已使用这个名称，请换一个`,
  release_dated_before_opened: (p) => `${req(p)}放行规则：批准时间不能早于请求提交时间`,
  release_dated_before_documents: (p) => `${req(p)}放行规则：批准时间不能早于材料补充时间`,
  release_backdated: (p) =>
    `${req(p)}放行规则：${what(p)}的批准时间早于现在 ${age(p)}；补记超过 ${p.slackMinutes} 分钟的批准须填写特批理由`,
  release_needs_documents: (p, sub) =>
    `${req(p)}放行规则：${what(p)}还需要${refs(p, "missing").map(sub).join("、")}；请补充材料，或填写特批理由后批准`,
  release_needs_override: (p) =>
    `${req(p)}放行规则：${what(p)}须填写特批理由才能放行${p.kind === "medical" ? "（只有紧急就医可直接放行）" : ""}`,
  need_commitment_letter: () => "签字的承诺书",
  need_test_report: () => "检测报告",
  need_test_report_before_approval: () => "批准前出具的检测报告",
  need_recent_test_report: (p) => `48 小时内的检测报告（最新一份已过 ${age(p)}）`,
  need_override: () => "特批理由",
  need_override_medical: () => "特批理由（只有紧急就医可直接放行）",
  need_override_backdated: (p) => `特批理由（批准时间比记录时间早 ${age(p)}）`,
  need_dated_after_opened: () => "晚于请求提交时间的批准",
  need_dated_after_documents: () => "晚于材料补充时间的批准",
  no_token: () => "未登录或登录已失效，请打开书记发给您的登录链接",
  sign_in_revoked: () => "此登录已被撤销，请向书记索取新的链接",
  role_forbidden: (p) => `“${word(ROLE, p.role)}”身份无权进行此操作`,
  role_may_not_post: (p) => `“${word(ROLE, p.role)}”身份无权提交 ${p.type}`,
  internal_event_type: (p) => `${p.type} 只能由服务器自己提交`,
  community_forbidden: (p) => `此登录属于另一个小区，无权访问 ${p.community}`,
  operator_only: (p) => `只有管理员（ADMIN_TOKEN）可以创建“${word(ROLE, p.role)}”登录`,
  bound_other_community: (p) => `此登录属于社区 ${p.community} 的志愿者 ${p.volunteerId}，只能在该社区操作`,
  bound_other_volunteer: (p) => `此登录属于志愿者 ${p.volunteerId}，只能为本人签到、签退`,
  cookie_wrong_origin: () => "此操作必须从本系统自己的页面发出；请刷新页面后重试",
  cookie_not_json: () => "此操作的请求格式不对（须为 JSON）；请刷新页面后重试",
  cookie_malformed: () => "登录信息已损坏，请清除本网站的 Cookie 后重新打开登录链接",
  too_many_failed_sign_ins: () => "此网络登录失败次数过多，请等待一分钟后再用有效的链接登录",
  too_many_sockets: (p) => `此登录在本服务器上已有 ${p.limit} 个连接；请关闭一些屏幕或标签页后重试`,
  too_many_requests: (p) => `请求过于频繁（每秒超过 ${p.limit} 次），请稍后重试`,
  too_many_health_checks: (p) => `状态检查过于频繁（每秒超过 ${p.limit} 次）`,
  too_many_subscribes: (p) => `${p.seconds} 秒内最多订阅 ${p.limit} 次；当前订阅仍然有效`,
  db_unavailable: () => "无法连接数据库，本次未记录任何内容，请几秒后重试",
  db_retrying: () => "无法连接数据库，正在重试",
  server_unreachable: () => "无法连接服务器，请重试",
  internal_error: () => "服务器内部错误，本次未记录；请重试，如仍出错请报告",
  no_api: (p) => `没有这个接口：${p.path}`,
  method_not_supported: (p) => `${p.path} 不支持 ${p.method} 请求`,
  bad_escape: () => "网址中有错误的 % 转义，请检查链接",
  token_unknown: (p) => `没有编号为 ${p.id} 的有效登录`,
  community_unknown: (p) => `没有社区 ${p.community}，请检查网址或询问书记`,
  body_not_utf8: () => "提交的内容不是有效的 UTF-8 文本，请以 UTF-8 保存后重试",
  body_empty: () => "提交的内容为空",
  body_not_json: () => "提交的内容不是有效的 JSON",
  body_not_event: () => "请提交一个事件，或包含 1 到 1000 个事件的批次",
  body_too_large: (p) => `提交的内容超过 ${p.kib} KiB；每批最多 1000 个事件`,
  batch_empty: () => "批次中至少要有一个事件",
  batch_too_large: (p) => `每批最多 ${p.max} 个事件`,
  nul_character: (p) => `${field(p) || "内容"}${p.key ? "的字段名" : ""}含有空字符（\\u0000），请删除`,
  lone_surrogate: (p) => `${field(p) || "内容"}${p.key ? "的字段名" : ""}含有无效的 Unicode 字符`,
  too_deep: (p) => `${field(p) || "内容"}嵌套超过 ${p.depth} 层`,
  occurred_in_future: () => "发生时间在未来，请检查设备时钟",
  token_request_invalid: () => "角色须为书记、志愿者或大屏之一，可附名称（志愿者本人的登录还可附志愿者编号）",
  subscribe_invalid: () => "订阅请求须指明社区",
  report_date_future: (p) => `日期 ${p.date} 晚于今天（${p.today}）；日报只能查看今天或以前`,
  required: (p) => `${field(p)}必须填写`,
  wrong_type: (p) => `${field(p)}的类型不对`,
  not_whole_number: (p) => `${field(p)}必须是整数`,
  empty_text: (p) => `${field(p)}不能为空`,
  too_long: (p) => `${field(p)}最多 ${p.maximum} 个字符`,
  too_short: (p) => `${field(p)}至少需要 ${p.minimum} 项`,
  too_small: (p) => `${field(p)}不能小于 ${p.minimum}`,
  too_big: (p) => `${field(p)}不能大于 ${p.maximum}`,
  too_many: (p) => `${field(p)}最多 ${p.maximum} 项`,
  not_an_id: (p) => `${field(p)}编号须为 1–64 个字母、数字或 - _ .`,
  not_a_phone: (p) => `${field(p)}不是有效的电话号码`,
  bad_post_name: (p) => `${field(p)}须为简短的名称（字母、数字、空格、- 或 _），如“门岗”`,
  bad_date: (p) => `${field(p)}不是有效的日期时间`,
  before_2000: (p) => `${field(p)}须在 2000 年或以后，请核对日期`,
  in_future: (p) => `${field(p)}在未来`,
  bad_choice: (p) => `${field(p)}须为以下之一：${p.options}`,
  unknown_field: (p) => `${field(p)}含有未知字段：${p.keys}`,
  not_base64: (p) => `${field(p)}须为 base64 编码`,
  invalid_value: (p) => `${field(p)}的值无效`,
  file_too_large: (p) => `文件超过 ${p.mib} MiB，请拆分，或另存为 CSV（比 .xlsx 小）`,
  file_sent_as_form: () => "请直接上传文件本身，不要以表单方式提交",
  file_not_json: () => "提交的内容不是有效的 JSON",
  file_envelope_invalid: () => "上传格式不对：须为 base64 编码的文件",
  file_body_empty: () => "没有收到文件，请选择登记表（CSV 或 .xlsx）",
  file_empty: () => "文件是空的；第一行须为列名",
  file_old_xls: () => "这是旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV 后再导入",
  file_no_rows: () => "文件中没有任何行；第一行须为列名",
  csv_unreadable: (p) => `CSV 文件在第 ${p.line} 行附近无法读取`,
  xlsx_unreadable: () => "无法读取该 Excel 文件，请重新另存为 .xlsx 或 CSV",
  xlsx_too_large: (p) => `该 Excel 文件解压后超过 ${p.mib} MiB，远超任何登记表，未读取；请确认文件是否正确，或另存为 CSV`,
  xlsx_text_too_long: (p) => `该 Excel 文件中有一段文字超过 ${p.kib} KiB（单元格最多 32,767 个字符），未读取`,
  file_too_many_rows: (p) => `文件超过 ${p.max} 行；每个文件最多 ${p.max} 行，请拆分`,
  file_too_many_columns: (p) => `第 ${p.line} 行超过 ${p.max} 列；请只保留登记表需要的列`,
  file_too_many_cells: (p) => `文件的单元格超过 ${p.max} 个；请只保留登记表需要的列，或拆分文件`,
  file_cell_too_large: (p) => `第 ${p.line} 行有单元格超过 ${p.max} 个字符；登记表的单元格不会这么长`,
  file_row_too_large: (p) => `第 ${p.line} 行超过 ${p.kib} KiB（是否有未闭合的引号？）；登记表的一行不会这么长`,
  header_duplicate_column: (p) => `有两列都是${importFields(p)}：“${p.first}”和“${p.second}”，请只保留一列，或把另一列设为不导入`,
  header_missing_columns: (p) =>
    `表头（第 ${p.line} 行）缺少${importFields(p)}列；表头有：${p.seen || "（无）"}。请写明列名，或指定是哪一列`,
  header_not_found: (p) =>
    `前几行中找不到${p.kind === "volunteers" ? "含“姓名”的表头" : "含楼栋（楼号）、单元或室号的表头"}；文件开头是：${p.seen}`,
  sheet_not_found: (p) => `工作簿中没有“${p.sheet}”工作表；现有工作表：${p.sheets}`,
  mapping_invalid: () => "列的对应关系格式不对",
  import_too_many_rows: (p) => `文件有 ${p.rows} 行；每个文件最多 ${p.max} 行，请拆分`,
  import_bad_rows: (p) => `${p.count} 行有错误（第 ${p.lines} 行），未导入任何内容。请修改，或选择跳过错误行`,
  import_demo_community: (p) => `社区 ${p.community} 中是演示数据，不能混入真实登记；请先在工作台点“清除演示数据”，或导入到另一个社区`,
  no_demo_data: (p) => `社区 ${p.community} 中没有演示数据，无需清除`,
  row_problems: (p, sub) => refs(p, "problems").map(sub).join("；"),
  cell_empty: (p) => `${p.column} 为空`,
  cell_too_long: (p) => `${p.column} 超过 ${p.max} 个字符`,
  cell_not_phone: (p) => `${p.column}“${p.value}”不是有效的电话号码`,
  residents_out_of_range: (p) => `${p.column} 须为 0 到 50 的整数（空置户填 0 或“空置”），而不是“${p.value}”`,
  contact_incomplete: (p) => `联系人须同时有姓名和电话：请填写 ${p.column}，或两者都不填`,
  skill_too_long: (p) => `${p.column}：每项技能最多 ${p.max} 个字符`,
  too_many_skills: (p) => `${p.column}：最多 ${p.max} 项技能`,
  cell_nul: () => "有单元格含有空字符，请删除",
  row_duplicate: (p) => `与第 ${p.first} 行是同一${word(ENTITY, p.entity)}（${p.label}），请只保留一行`,
  document_file_too_large: (p) => `文件超过 ${p.mib} MiB，请降低分辨率重新拍照，或以 JPEG 格式发送`,
  file_type_unsupported: () => "文件不是 JPEG、PNG、WebP、HEIC 照片或 PDF，请拍下文件的照片后发送",
  file_not_what_it_claims: (p) => `文件看起来是 ${p.type}，但无法读取（不完整或已损坏），请重新发送`,
  heic_not_decodable: () =>
    "服务器无法读取 HEIC 照片，请以 JPEG 格式发送（iPhone：设置 → 相机 → 格式 → 兼容性最佳），或用本页的拍照按钮拍摄",
  picture_too_many_pixels: (p) => `图片超过 ${p.megapixels} 百万像素，请发送较小的照片`,
  pdf_has_script: () => "该 PDF 含有脚本或自动操作，请另存为普通 PDF，或拍照后发送",
  file_unknown: (p) => `文件 ${p.fileId} 不存在，请先上传`,
  too_many_uploads: (p) => `上传过多：${p.per === "household" ? "每户" : "每个地址"} ${p.hours} 小时内最多 ${p.limit} 个文件，请稍后再试`,
  too_many_pending: (p) => `本户已有 ${p.max} 个申请在等待审批，请等待答复或先撤销一个`,
  resident_other_household: () => "住户码只能为本户及本户的申请操作",
  file_forbidden_role: (p) => `“${word(ROLE, p.role)}”身份不能查看文件`,
};

/**
 * The server's English sentences, except where a screen shows the refusal beside the household or round it
 * acted on: said without its id there, as in Chinese (a person never reads h-1-101-… or pcr-…).
 */
const EN_SCREEN: Templates = {
  ...EN,
  round_closed: () => "This round is closed: record tests in the open round.",
  household_not_tested: () => "This household has no test in this round yet: record its test first.",
  nothing_to_undo: () => "There is nothing to undo.",
  household_not_lived_in: (p) => `This household is marked ${p.status === "vacant" ? "vacant" : "moved out"}: there is nothing to record.`,
  household_already_lived_in: () => "This household is already lived in.",
};

export const REASON_TEXT: Record<Lang, Templates> = { en: EN_SCREEN, "zh-CN": ZH };

/** Anything that may carry a reason: an API error, an issue, a bad import row, a socket `problem`, a release item. */
export type Reasoned = { reason?: unknown; params?: unknown; message?: unknown } | null | undefined;

/** A reason in the screen's language, or null when it is not one this screen knows. */
export function reasonText(r: Reasoned, lang: Lang): string | null {
  if (!r || !isReason(r.reason)) return null;
  const raw = r.params && typeof r.params === "object" ? (r.params as Params) : {};
  // A moment in a reason (a pass's `until`, since when someone is out) reads in the phone's time and the screen's language.
  const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, isIsoMoment(v) ? localWhen(v, lang) : v])) as Params;
  return render(REASON_TEXT[lang], { reason: r.reason, params } as ReasonRef);
}

/**
 * What a person reads for a refusal: its reason in the screen's language; the server's English message only
 * for a reason this screen does not know; `fallback` when there is neither.
 */
export function errorText(error: Reasoned, lang: Lang, fallback = ""): string {
  return reasonText(error, lang) ?? (typeof error?.message === "string" && error.message ? error.message : fallback);
}
