import { describe, expect, it } from "vitest";
import { formatDollars, roundCents } from "./money";

describe("roundCents", () => {
  it("rounds to the nearest cent, an exact half cent up", () => {
    expect(roundCents(9.124)).toBe(9.12);
    expect(roundCents(9.126)).toBe(9.13);
    expect(roundCents(9.125)).toBe(9.13);
    expect(roundCents(12)).toBe(12);
    expect(roundCents(0.1 + 0.2)).toBe(0.3);
  });
});

describe("formatDollars", () => {
  it("shows dollars with a sign and two decimals", () => {
    expect(formatDollars(9.15)).toBe("$9.15");
    expect(formatDollars(12)).toBe("$12.00");
    expect(formatDollars(0)).toBe("$0.00");
  });
});
