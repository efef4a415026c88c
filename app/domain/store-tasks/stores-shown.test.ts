import { describe, expect, it } from "vitest";
import { storeActivity, storesShown } from "./stores-shown";

function store(name: string, orders: number, extra: { late?: number; exceptions?: number; uncollected?: number } = {}) {
  return {
    name,
    figures: {
      byState: { NEW: orders, READY: 0 },
      late: extra.late ?? 0,
      exceptions: extra.exceptions ?? 0,
      uncollected: extra.uncollected ?? 0,
    },
  };
}

describe("the stores the Stores page lists today", () => {
  it("counts a store's orders on the board and what needs acting on", () => {
    expect(storeActivity(store("Loop", 3, { late: 1, exceptions: 2, uncollected: 1 }))).toBe(7);
    expect(storeActivity(store("Quiet", 0))).toBe(0);
  });

  it("lists every store, in the shop's order, when there are no more than the limit", () => {
    const stores = [store("Wicker Park", 0), store("Loop", 4), store("Evanston", 1)];
    expect(storesShown(stores, 3)).toEqual({ shown: stores, total: 3, quiet: 1 });
  });

  it("lists the busiest stores of a large chain, ties by name, and counts the quiet ones", () => {
    const stores = [
      ...Array.from({ length: 40 }, (_, index) => store(`Quiet ${String(index).padStart(2, "0")}`, 0)),
      store("Boise", 2),
      store("Austin", 2),
      store("Chicago", 9),
      store("Denver", 0, { uncollected: 1 }),
    ];
    const { shown, total, quiet } = storesShown(stores, 5);
    expect(shown.map((row) => row.name)).toEqual(["Chicago", "Austin", "Boise", "Denver", "Quiet 00"]);
    expect([total, quiet]).toEqual([44, 40]);
  });
});
