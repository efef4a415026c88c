import { describe, expect, it } from "vitest";
import type { PickupPromise } from "./contract";
import { promiseText } from "./promise-text";

const available: PickupPromise = {
  status: "AVAILABLE",
  headline: "Ready today by 4:00 PM",
  note: null,
  unitsInStock: 6,
  shortfall: null,
  alternatives: [],
  promiseToken: "signed.token",
};

const partial: PickupPromise = {
  status: "PARTIAL",
  headline: null,
  note: null,
  unitsInStock: null,
  shortfall: "Only 1 of 2 items in stock here",
  alternatives: [{ name: "Lincoln Park", distanceMiles: 0.84 }],
  promiseToken: null,
};

describe("what the shopper reads under a pickup option", () => {
  it("leads with the units in stock when the store has the whole cart", () => {
    expect(promiseText(available)).toEqual({
      line: "6 in stock · Ready today by 4:00 PM",
      note: null,
      available: true,
    });
  });

  it("gives the ready-by time alone when the app does not say how many are in stock", () => {
    expect(promiseText({ ...available, unitsInStock: null })?.line).toBe("Ready today by 4:00 PM");
  });

  it("keeps the app's reason for a later pickup as a note", () => {
    const later = { ...available, headline: "Ready tomorrow from 10:00 AM", note: "Closed today" };

    expect(promiseText(later)?.note).toBe("Closed today");
  });

  it("says nothing of an available store without a ready-by time", () => {
    expect(promiseText({ ...available, headline: null })).toBeNull();
  });

  it("names the nearest store that has everything, to a tenth of a mile", () => {
    expect(promiseText(partial)?.line).toBe("Not all items here — Lincoln Park has everything (0.8 mi)");
  });

  it("gives the app's exact shortfall when no store nearby has everything", () => {
    expect(promiseText({ ...partial, alternatives: [] })).toEqual({
      line: "Only 1 of 2 items in stock here",
      note: null,
      available: false,
    });
  });

  it("gives the shortfall before the nearest complete store when none of the items are here", () => {
    const none = { ...partial, status: "UNAVAILABLE" as const, shortfall: "Not in stock here" };

    expect(promiseText(none)?.line).toBe("Not in stock here — Lincoln Park has everything (0.8 mi)");
  });

  it("says nothing when the app gives neither a reason nor another store", () => {
    expect(promiseText({ ...partial, shortfall: null, alternatives: [] })).toBeNull();
  });
});
