import { describe, expect, it } from "vitest";
import { formatDuration } from "./durations";

describe("formatDuration", () => {
  it("tells a duration in at most two units, dropping a zero second unit", () => {
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(42.4)).toBe("42 s");
    expect(formatDuration(360)).toBe("6 min");
    expect(formatDuration(372)).toBe("6 min 12 s");
    expect(formatDuration(3900)).toBe("1 h 5 min");
    expect(formatDuration(3 * 86400 + 7200 + 59)).toBe("3 d 2 h");
    expect(formatDuration(-5)).toBe("0 s");
  });
});
