import { describe, expect, it } from "vitest";
import { maskFreeText, maskName, maskPhone } from "../../server/domain/masking";

describe("MASK: names and phones for a volunteer's phone", () => {
  it("MASK1 a name keeps its first character; a phone its last four digits", () => {
    expect(maskName("王小明")).toBe("王**");
    expect(maskName("李娜")).toBe("李*");
    expect(maskName("Zhang Wei")).toBe("Z**** ***");
    expect(maskName("张")).toBe("张");
    expect(maskPhone("13800138000")).toBe("*******8000");
    expect(maskPhone("+86 138-0013-8000")).toBe("+** ***-****-8000");
    expect(maskPhone("8000")).toBe("8000");
  });

  it("HOLE3 free text keeps its words and masks 11-digit mobile numbers and 18-character ID numbers inside it, not other numbers", () => {
    expect(maskFreeText("Needs insulin: call 13900139000")).toBe("Needs insulin: call *******9000");
    expect(maskFreeText("电话13900139000，身份证11010519491231002X。")).toBe("电话*******9000，身份证**************002X。");
    expect(maskFreeText("+86 139-0013-9000 / 139 0013 9000")).toBe("+86 ***-****-9000 / *** **** 9000");
    expect(maskFreeText("id 110105194912310021 x")).toBe("id **************0021 x");
    // Not a mobile number: too long, too short, a landline, a room or a date.
    for (const kept of ["1390013900012", "1390013900", "010-62751234", "room 1201, 2026-04-05", "23900139000"])
      expect(maskFreeText(kept)).toBe(kept);
  });
});
