import { describe, expect, it } from "vitest";
import { ExpiringCache } from "./expiring-cache";

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 30, 15, 0, seconds));

describe("an expiring cache", () => {
  it("answers a value until its time is up, then nothing", () => {
    const cache = new ExpiringCache<string>(15_000, 10);
    cache.set("cart", "promise", at(0));

    expect(cache.get("cart", at(14))).toBe("promise");
    expect(cache.get("cart", at(15))).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("forgets the least recently used entry beyond its size", () => {
    const cache = new ExpiringCache<number>(15_000, 2);
    cache.set("a", 1, at(0));
    cache.set("b", 2, at(0));
    cache.get("a", at(1));
    cache.set("c", 3, at(2));

    expect([cache.get("a", at(3)), cache.get("b", at(3)), cache.get("c", at(3))]).toEqual([1, undefined, 3]);
    expect(cache.size).toBe(2);
  });

  it("restarts an entry's time when it is set again", () => {
    const cache = new ExpiringCache<number>(15_000, 2);
    cache.set("a", 1, at(0));
    cache.set("a", 2, at(10));

    expect(cache.get("a", at(20))).toBe(2);
  });
});
