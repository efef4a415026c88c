import { describe, expect, it } from "vitest";
import { decodeKeysetCursor, encodeKeysetCursor } from "./keyset-cursor";

describe("a keyset cursor", () => {
  it("carries a row's key, unicode included, and reads back only with the length it was made with", () => {
    const cursor = encodeKeysetCursor(["SKU_ASC", 12, "Café Østerbro — 北京", "70000000001"]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeKeysetCursor(cursor, 4)).toEqual(["SKU_ASC", 12, "Café Østerbro — 北京", "70000000001"]);
    expect(decodeKeysetCursor(cursor, 5)).toBeNull();
  });

  it("reads anything a page did not hand out as null, without throwing", () => {
    for (const hostile of ["garbage!", "", "a".repeat(2_001), "eyJ", encodeKeysetCursor(["x"]).slice(0, -2), "_w"]) {
      expect(decodeKeysetCursor(hostile, 1)).toBeNull();
    }
  });
});
