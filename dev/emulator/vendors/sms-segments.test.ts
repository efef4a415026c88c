import { describe, expect, it } from "vitest";
import { smsEncoding, smsSegmentCount } from "./sms-segments";

describe("SMS segments", () => {
  it("fits 160 GSM-7 characters in one segment and 153 per segment beyond", () => {
    expect(smsSegmentCount("a".repeat(160))).toBe(1);
    expect(smsSegmentCount("a".repeat(161))).toBe(2);
    expect(smsSegmentCount("a".repeat(306))).toBe(2);
    expect(smsSegmentCount("a".repeat(307))).toBe(3);
  });

  it("counts GSM-7 extension characters twice", () => {
    expect(smsEncoding("{€}")).toBe("GSM-7");
    expect(smsSegmentCount("€".repeat(80))).toBe(1);
    expect(smsSegmentCount("€".repeat(81))).toBe(2);
  });

  it("sends anything outside GSM-7 as UCS-2: 70 units alone, 67 per segment beyond", () => {
    expect(smsEncoding("Ready for pickup 🎉")).toBe("UCS-2");
    expect(smsSegmentCount("ł".repeat(70))).toBe(1);
    expect(smsSegmentCount("ł".repeat(71))).toBe(2);
  });
});
