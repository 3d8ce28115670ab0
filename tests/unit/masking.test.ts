import { describe, expect, it } from "vitest";
import { maskName, maskPhone } from "../../server/domain/masking";

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
});
