import { describe, expect, it } from "vitest";
import { age, ago, duration, pendingLabel } from "./format";

const NOW = Date.UTC(2026, 5, 1, 12, 0);
const minutesAgo = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();

describe("durations and ages as associates read them", () => {
  it("writes durations as minutes and seconds, with hours when long", () => {
    expect(duration(42)).toBe("0:42");
    expect(duration(307)).toBe("5:07");
    expect(duration(3729)).toBe("1:02:09");
    expect(duration(-5)).toBe("0:00");
  });

  it("writes ages in minutes, hours or days", () => {
    expect(age(minutesAgo(0.5), NOW)).toBe("just now");
    expect(age(minutesAgo(12), NOW)).toBe("12 min");
    expect(age(minutesAgo(120), NOW)).toBe("2 h");
    expect(age(minutesAgo(125), NOW)).toBe("2 h 5 min");
    expect(age(minutesAgo(60 * 24), NOW)).toBe("1 day");
    expect(age(minutesAgo(60 * 24 * 3), NOW)).toBe("3 days");
    expect(ago(minutesAgo(12), NOW)).toBe("12 min ago");
    expect(ago(minutesAgo(0), NOW)).toBe("just now");
  });

  it("names the Shopify call in flight", () => {
    expect(pendingLabel({ pending: "READY", kind: "PICKUP" })).toBe("Ready — telling Shopify");
    expect(pendingLabel({ pending: "FULFILL", kind: "PICKUP" })).toBe("Handed over — telling Shopify");
    expect(pendingLabel({ pending: "FULFILL", kind: "SHIP" })).toBe("Shipped — telling Shopify");
    expect(pendingLabel({ pending: "PROGRESS", kind: "SHIP" })).toBe("Picking — telling Shopify");
    expect(pendingLabel({ pending: null, kind: "SHIP" })).toBeNull();
  });
});
