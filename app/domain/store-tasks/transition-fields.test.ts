import { describe, expect, it } from "vitest";
import {
  cleanTyped,
  readBinCode,
  readCarrier,
  readCourierName,
  readExceptionNote,
  readTrackingNumber,
  readTrackingUrl,
} from "./transition-fields";

describe("what an associate types or scans", () => {
  it("drops a scanner's line ends and group separators, and extra spaces", () => {
    expect(cleanTyped("  A3\r\n")).toBe("A3");
    expect(cleanTyped("01\u001d0123")).toBe("01 0123");
    expect(cleanTyped("Pickup   shelf\t2")).toBe("Pickup shelf 2");
    expect(cleanTyped(null)).toBe("");
  });

  it("reads a bin code of 1–32 letters, digits, dashes and spaces, upper-cased", () => {
    expect(readBinCode(" a3 ")).toEqual({ ok: true, value: "A3" });
    expect(readBinCode("Pickup  shelf 2-B")).toEqual({ ok: true, value: "PICKUP SHELF 2-B" });
    expect(readBinCode("étagère 4")).toEqual({ ok: true, value: "ÉTAGÈRE 4" });
    expect(readBinCode("X".repeat(32))).toEqual({ ok: true, value: "X".repeat(32) });
    expect(readBinCode("X".repeat(33))).toEqual({ ok: false, message: "A bin code is at most 32 characters" });
    expect(readBinCode("   ")).toEqual({ ok: false, message: "Enter or scan the bin the order is in" });
    expect(readBinCode(undefined)).toEqual({ ok: false, message: "Enter or scan the bin the order is in" });
    for (const bad of ["A3/B", "#4", "-A3", "bin_1"]) {
      expect(readBinCode(bad)).toEqual({
        ok: false,
        message: "A bin code has only letters, digits, dashes and spaces",
      });
    }
  });

  it("reads a carrier's name as typed", () => {
    expect(readCarrier(" Canada Post ")).toEqual({ ok: true, value: "Canada Post" });
    expect(readCarrier("")).toEqual({ ok: false, message: "Choose the carrier" });
    expect(readCarrier("x".repeat(65))).toEqual({ ok: false, message: "A carrier name is at most 64 characters" });
  });

  it("reads a tracking number without the spaces a label prints, upper-cased", () => {
    expect(readTrackingNumber("1z 999 aa1 01 2345 6784")).toEqual({ ok: true, value: "1Z999AA10123456784" });
    expect(readTrackingNumber("JD014600006281234567\n")).toEqual({ ok: true, value: "JD014600006281234567" });
    expect(readTrackingNumber("")).toEqual({ ok: false, message: "Enter or scan the tracking number" });
    expect(readTrackingNumber("1Z/999")).toEqual({
      ok: false,
      message: "A tracking number has only letters, digits and dashes",
    });
    expect(readTrackingNumber("9".repeat(65))).toEqual({
      ok: false,
      message: "A tracking number is at most 64 characters",
    });
  });

  it("takes the tracking number out of a scanned USPS label, which routes by ZIP first", () => {
    const tracking = "9400111899223100012345";
    expect(readTrackingNumber(`42060601${tracking}`)).toEqual({ ok: true, value: tracking });
    expect(readTrackingNumber(`420606011234${tracking}`)).toEqual({ ok: true, value: tracking });
    // The same number typed alone stays as it is.
    expect(readTrackingNumber(tracking)).toEqual({ ok: true, value: tracking });
  });

  it("reads a courier's name", () => {
    expect(readCourierName("  Sam  Diaz ")).toEqual({ ok: true, value: "Sam Diaz" });
    expect(readCourierName("")).toEqual({
      ok: false,
      message: "Enter the name of the driver or courier taking the order",
    });
    expect(readCourierName("x".repeat(81))).toEqual({
      ok: false,
      message: "A courier's name is at most 80 characters",
    });
  });

  it("takes an https tracking link or none", () => {
    expect(readTrackingUrl("")).toEqual({ ok: true, value: null });
    expect(readTrackingUrl(undefined)).toEqual({ ok: true, value: null });
    expect(readTrackingUrl(" https://zip.example/t/42?x=1 ")).toEqual({
      ok: true,
      value: "https://zip.example/t/42?x=1",
    });
    const refused = { ok: false, message: "A tracking link must be a web address starting with https://" };
    for (const bad of [
      "http://zip.example/t/42",
      "zip.example/t/42",
      "javascript:alert(1)",
      "https://user:pw@zip.example/",
      "https://zip.example/a b",
      `https://zip.example/${"a".repeat(2048)}`,
    ]) {
      expect(readTrackingUrl(bad)).toEqual(refused);
    }
  });

  it("keeps an exception note as written, or none", () => {
    expect(readExceptionNote("  Shelf empty\nchecked the back  ")).toEqual({
      ok: true,
      value: "Shelf empty\nchecked the back",
    });
    expect(readExceptionNote("   ")).toEqual({ ok: true, value: null });
    expect(readExceptionNote("x".repeat(500))).toEqual({ ok: true, value: "x".repeat(500) });
    expect(readExceptionNote("x".repeat(501))).toEqual({ ok: false, message: "Keep the note to 500 characters" });
  });
});
