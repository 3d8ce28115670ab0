// Why: every reason the server can send has a Chinese and an English text, and errorText writes its parameters in.
import { describe, expect, it } from "vitest";
import { LANGS } from "../../app/_i18n/dict";
import { errorText, REASON_TEXT, reasonText } from "../../app/_i18n/reasons";
import { type Params, REASONS } from "../../server/protocol/reasons";

/** Parameters enough for any template: every name a template reads, with a value that shows where it landed (lists: one nested reason). */
const NESTED = [{ reason: "need_test_report" as const, params: {} }];
const PARAMS = new Proxy({} as Params, {
  get: (_, k) => (k === "missing" || k === "problems" ? NESTED : typeof k === "string" ? `«${k}»` : undefined),
});

describe("I18N: reasons in both languages", () => {
  it("I18N1 every reason code has a non-empty zh-CN and English text, and no Chinese text is English", () => {
    expect(new Set(REASONS).size).toBe(REASONS.length);
    for (const lang of LANGS)
      for (const reason of REASONS) {
        const text = REASON_TEXT[lang][reason](PARAMS, () => "x");
        expect(text.trim(), `${lang} ${reason}`).not.toBe("");
        if (lang === "zh-CN" && reason !== "row_problems") expect(text, reason).toMatch(/[\u4e00-\u9fff]/);
      }
  });

  it("I18N2 errorText fills the parameters in, nests the release rule's missing items, and falls back to the message only for an unknown code", () => {
    const onDuty = {
      code: "conflict",
      reason: "volunteer_already_on_duty",
      params: { volunteerId: "v12" },
      message: "volunteer v12 is already on duty; check them out first",
    };
    expect(errorText(onDuty, "zh-CN")).toBe("志愿者 v12 已在岗：请先签退。");
    expect(errorText(onDuty, "en")).toBe(onDuty.message);
    const old = { reason: "need_recent_test_report", params: { hours: 53 } };
    expect(reasonText(old, "zh-CN")).toContain("53 小时");
    expect(reasonText(old, "en")).toBe("a test report from the last 48 hours (the newest is 53 hours old)");
    const refused = {
      reason: "release_needs_documents",
      params: { requestId: "R1", kind: "leave", urgent: false, missing: [{ reason: "need_commitment_letter", params: {} }, old] },
    };
    expect(errorText(refused, "zh-CN")).toBe(
      "请求 R1：放行规则：这项外出请求还需要签字的承诺书、48 小时内的检测报告（最新一份已过 53 小时）；请补充材料，或填写特批理由后批准",
    );
    expect(errorText(refused, "en")).toContain("needs a signed commitment letter and a test report from the last 48 hours");
    expect(errorText({ reason: "from_a_newer_server", message: "as the server said" }, "zh-CN")).toBe("as the server said");
    expect(errorText(null, "zh-CN", "fallback")).toBe("fallback");
    expect(errorText({ reason: "required", params: { path: "payload.residents" } }, "zh-CN")).toBe("“人数”必须填写");
  });

  it("FIX20 a refusal shown beside the household or round it names says neither's id, in English as in Chinese; the API's message keeps them", () => {
    const ids = { householdId: "h-1-101-0a9f", roundId: "pcr-2026-04-05", status: "moved_out", what: "door-knock tap" };
    for (const reason of [
      "round_closed",
      "household_not_tested",
      "nothing_to_undo",
      "household_not_lived_in",
      "household_already_lived_in",
    ] as const)
      for (const lang of LANGS) {
        const text = reasonText({ reason, params: ids }, lang) ?? "";
        expect(text, `${lang} ${reason}`).not.toMatch(/h-1-101|pcr-2026/);
        expect(text.trim(), `${lang} ${reason}`).not.toBe("");
      }
    expect(reasonText({ reason: "household_not_lived_in", params: ids }, "en")).toBe(
      "This household is marked moved out: there is nothing to record.",
    );
  });
});
