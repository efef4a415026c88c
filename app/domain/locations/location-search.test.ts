import { describe, expect, it } from "vitest";
import { firstLocationChoice, searchLocationChoices, type LocationChoice } from "./location-search";

const choice = (id: string, name: string, overrides: Partial<LocationChoice> = {}): LocationChoice => ({
  id,
  name,
  kind: "STORE",
  pickupEnabled: true,
  placed: true,
  ...overrides,
});

const CHAIN: LocationChoice[] = [
  choice("5", "North Austin"),
  choice("1", "Austin Downtown"),
  choice("2", "Dallas Warehouse", { kind: "WAREHOUSE", pickupEnabled: false }),
  choice("3", "Boston Back Bay", { pickupEnabled: false }),
  choice("4", "Chicago Loop", { placed: false }),
  choice("6", "Unprofiled", { kind: null, pickupEnabled: false, placed: false }),
];

const names = (result: { locations: { name: string }[] }) => result.locations.map((location) => location.name);

describe("searchLocationChoices", () => {
  it("lists names containing every word of the query, any case, those starting with it first", () => {
    expect(names(searchLocationChoices(CHAIN, "austin", "ALL"))).toEqual(["Austin Downtown", "North Austin"]);
    expect(names(searchLocationChoices(CHAIN, "  BACK boston ", "ALL"))).toEqual(["Boston Back Bay"]);
    expect(names(searchLocationChoices(CHAIN, "nowhere", "ALL"))).toEqual([]);
  });

  it("lists every location by name for an empty query", () => {
    expect(names(searchLocationChoices(CHAIN, "", "ALL"))).toEqual([
      "Austin Downtown",
      "Boston Back Bay",
      "Chicago Loop",
      "Dallas Warehouse",
      "North Austin",
      "Unprofiled",
    ]);
  });

  it("keeps to the scope: stores, pickup stores with a position, or any location routing can place an order near", () => {
    expect(names(searchLocationChoices(CHAIN, "", "STORES"))).toEqual([
      "Austin Downtown",
      "Boston Back Bay",
      "Chicago Loop",
      "North Austin",
    ]);
    expect(names(searchLocationChoices(CHAIN, "", "PICKUP"))).toEqual(["Austin Downtown", "North Austin"]);
    expect(names(searchLocationChoices(CHAIN, "", "PLACED"))).toEqual([
      "Austin Downtown",
      "Boston Back Bay",
      "Dallas Warehouse",
      "North Austin",
    ]);
  });

  it("lists at most the limit and says more match", () => {
    const many = Array.from({ length: 30 }, (_, index) =>
      choice(String(index), `Store ${String(index).padStart(2, "0")}`),
    );
    const result = searchLocationChoices(many, "store", "ALL");
    expect(result.locations).toHaveLength(20);
    expect(result.locations[0]).toEqual({ id: "0", name: "Store 00" });
    expect(result.more).toBe(true);
    expect(searchLocationChoices(many, "store 2", "ALL").more).toBe(false);
  });

  it("orders equal names by id, so the list is the same on every call", () => {
    const twins = [choice("9", "Twin"), choice("10", "Twin"), choice("2", "Twin")];
    expect(searchLocationChoices(twins, "", "ALL").locations.map((location) => location.id)).toEqual(["10", "2", "9"]);
  });
});

describe("firstLocationChoice", () => {
  it("is the first in scope by name, or null when the scope is empty", () => {
    expect(firstLocationChoice(CHAIN, "PICKUP")).toEqual({ id: "1", name: "Austin Downtown" });
    expect(firstLocationChoice([CHAIN[1]!], "STORES")).toEqual({ id: "1", name: "Austin Downtown" });
    expect(firstLocationChoice([CHAIN[2]!], "PICKUP")).toBeNull();
  });
});
