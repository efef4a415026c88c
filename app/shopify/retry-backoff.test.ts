import { describe, expect, it } from "vitest";
import { backoffDelayMs } from "./retry-backoff";

const POLICY = { baseDelayMs: 100, maxDelayMs: 1_000 };

describe("backoffDelayMs", () => {
  it("draws uniformly below a ceiling that doubles with each retry (full jitter)", () => {
    expect([1, 2, 3, 4].map((retry) => backoffDelayMs(retry, () => 0.999_999, POLICY))).toEqual([99, 199, 399, 799]);
    expect(backoffDelayMs(3, () => 0.5, POLICY)).toBe(200);
    expect(backoffDelayMs(3, () => 0, POLICY)).toBe(0);
  });

  it("never lets the ceiling grow past the maximum delay", () => {
    expect(backoffDelayMs(20, () => 0.999_999, POLICY)).toBe(999);
  });

  it("waits at least as long as Retry-After asks, within the maximum", () => {
    expect(backoffDelayMs(1, () => 0, POLICY, 500)).toBe(500);
    expect(backoffDelayMs(1, () => 0, POLICY, 60_000)).toBe(1_000);
  });
});
