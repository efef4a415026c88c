import { describe, expect, it } from "vitest";
import { firstUnstorableText, isStorableText } from "./storable-text";

describe("text PostgreSQL can store", () => {
  it("is any well-formed text, emoji and right-to-left marks included", () => {
    expect(isStorableText("Aisle 4, Bin 12 \u202E\u{1F4A9} é")).toBe(true);
  });

  it("is not text with a NUL character or a surrogate without its pair", () => {
    expect(["a\u0000b", "\uD800", "x\uDC00", "\u{1F4A9}".slice(0, 1)].map(isStorableText)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it("names the first field of a body that holds such text, in a key or a value, however deep", () => {
    expect(firstUnstorableText({ requestId: "r", code: "a\u0000b" })).toBe("code");
    expect(firstUnstorableText({ lines: [{ sku: "ok" }, { sku: "\uD800" }] })).toBe("lines.1.sku");
    expect(firstUnstorableText({ ["bad\u0000key"]: 1 })).toBe("bad\u0000key");
    expect(firstUnstorableText("\uDC00")).toBe("(body)");
    expect(firstUnstorableText({ code: "K7M4Q", quantity: 1, lines: [null, true, {}] })).toBeNull();
  });

  it("walks a body nested 20,000 deep without running out of stack", () => {
    const deep = JSON.parse(`${"[".repeat(20_000)}"\\u0000"${"]".repeat(20_000)}`) as unknown;
    expect(firstUnstorableText(deep)).toMatch(/^0(\.0)+$/);
  });
});
