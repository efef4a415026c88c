import { describe, expect, it } from "vitest";
import { smsEncoding, smsLength } from "./sms-segments";

describe("smsLength", () => {
  it.each([
    ["an empty text", "", { encoding: "GSM-7", characters: 0, segments: 1 }],
    ["160 GSM-7 characters in one segment", "a".repeat(160), { encoding: "GSM-7", characters: 160, segments: 1 }],
    ["161 GSM-7 characters in two of 153", "a".repeat(161), { encoding: "GSM-7", characters: 161, segments: 2 }],
    ["306 GSM-7 characters in two", "a".repeat(306), { encoding: "GSM-7", characters: 306, segments: 2 }],
    ["307 GSM-7 characters in three", "a".repeat(307), { encoding: "GSM-7", characters: 307, segments: 3 }],
    ["70 UCS-2 characters in one segment", "ł".repeat(70), { encoding: "UCS-2", characters: 70, segments: 1 }],
    ["71 UCS-2 characters in two of 67", "ł".repeat(71), { encoding: "UCS-2", characters: 71, segments: 2 }],
    ["135 UCS-2 characters in three", "ł".repeat(135), { encoding: "UCS-2", characters: 135, segments: 3 }],
  ] as const)("counts %s", (_name, text, expected) => {
    expect(smsLength(text)).toEqual(expected);
  });

  it("counts GSM-7's extension characters (€, braces, brackets) twice", () => {
    expect(smsLength("€".repeat(80))).toEqual({ encoding: "GSM-7", characters: 80, segments: 1 });
    expect(smsLength("€".repeat(81))).toEqual({ encoding: "GSM-7", characters: 81, segments: 2 });
  });

  it("sends the whole text as UCS-2 for one character outside GSM-7, an emoji taking two units", () => {
    const text = `${"a".repeat(68)}😀`;
    expect(smsEncoding(text)).toBe("UCS-2");
    // 68 + 2 code units: 70, one segment; one more character makes two.
    expect(smsLength(text)).toEqual({ encoding: "UCS-2", characters: 69, segments: 1 });
    expect(smsLength(`${text}a`).segments).toBe(2);
  });

  it("keeps accented letters GSM-7 has (é, ü, ñ) in GSM-7, and a curly apostrophe it lacks in UCS-2", () => {
    expect(smsEncoding("Café Müller, Niño")).toBe("GSM-7");
    expect(smsEncoding("Don’t forget")).toBe("UCS-2");
  });
});
