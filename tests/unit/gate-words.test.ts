// Why: GATE11–GATE12: the gate's reasons and the household's pass speak in the phone's time and the screen's language.
process.env.TZ = "Asia/Shanghai";

import { describe, expect, it } from "vitest";
import { errorText } from "../../app/_i18n/reasons";
import { grouped, showsPass } from "../../app/home/PassCard";
import { nextCodeChange } from "../../app/home/use-my-requests";

const ISO = /\d{4}-\d{2}-\d{2}T/;
const year = new Date().getFullYear();

describe("GATE: the words of the gate and of the pass", () => {
  it("GATE11 pass_expired and already_out name their moment in local time in the screen's language, never as ISO text", () => {
    const until = `${year}-03-05T06:30:00.000Z`; // 14:30 in Shanghai
    const expired = { reason: "pass_expired", params: { requestId: "R1", until }, message: `ran out at ${until}` };
    expect(errorText(expired, "zh-CN")).toBe("请求 R1 的通行证已于 3月5日 14:30 过期：请书记重新审批。");
    expect(errorText(expired, "en")).toContain("ran out at Mar 5, 14:30");
    const out = { reason: "already_out", params: { requestId: "R2", outAt: `${year - 1}-06-30T23:05:00Z` } };
    for (const lang of ["zh-CN", "en"] as const) expect(errorText(out, lang)).not.toMatch(ISO);
    expect(errorText(out, "zh-CN")).toContain(`${year - 1}年7月1日 07:05`);
  });

  it("GATE12 the pass on /home: its number in groups of three, shown while valid or while its holder is out, asked again when its code changes", () => {
    expect(grouped("1234567890")).toBe("123 456 789 0");
    const now = Date.parse(`${year}-03-05T06:00:00Z`);
    const pass = {
      code: "12345678",
      codeChangesAt: `${year}-03-05T06:10:00.000Z`,
      until: `${year}-03-05T05:00:00.000Z`,
      tripHours: 2,
      state: "inside" as const,
      outAt: null,
      returnBy: null,
      overdue: false,
    };
    expect(showsPass(pass, now)).toBe(false);
    expect(showsPass({ ...pass, state: "outside" }, now)).toBe(true);
    expect(showsPass({ ...pass, until: `${year}-03-05T07:00:00.000Z` }, now)).toBe(true);
    expect(showsPass(null, now)).toBe(false);
    const req = (p: typeof pass | null) => ({ pass: p }) as never;
    const data = {
      household: { householdId: "h1", building: "1", unit: "101" },
      requests: [req(null), req(pass), req({ ...pass, codeChangesAt: `${year}-03-05T06:00:00.000Z` })],
    };
    expect(nextCodeChange(data)).toBe(Date.parse(`${year}-03-05T06:00:00.000Z`));
    expect(nextCodeChange({ ...data, requests: [] })).toBeNull();
  });
});
