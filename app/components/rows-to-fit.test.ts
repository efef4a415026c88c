import { describe, expect, it } from "vitest";
import { rowsToFit } from "./rows-to-fit";

describe("rows a multiline field asks for", () => {
  const sidebar = { charactersPerRow: 22, min: 3, max: 16 };

  it("keeps the minimum for a short text", () => {
    expect(rowsToFit("", sidebar)).toBe(3);
    expect(rowsToFit("Your order is ready.", sidebar)).toBe(3);
  });

  it("gives a long text a row per line it wraps to, and one to spare", () => {
    // 277 characters: 13 rows of 22, plus one.
    expect(rowsToFit("x".repeat(277), sidebar)).toBe(14);
  });

  it("starts a row for each paragraph", () => {
    expect(rowsToFit("a\nb\nc\nd", sidebar)).toBe(5);
  });

  it("stops at the maximum", () => {
    expect(rowsToFit("x".repeat(5_000), sidebar)).toBe(16);
  });
});
