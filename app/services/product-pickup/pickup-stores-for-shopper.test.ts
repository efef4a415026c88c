import { describe, expect, it } from "vitest";
import type { PickupCandidate } from "~/domain/pickup-promise";
import { MAX_PRODUCT_PAGE_STORES, pickupStoresForShopper } from "./pickup-stores-for-shopper";

function candidate(
  id: string,
  name: string,
  point: PickupCandidate["point"],
  overrides: Partial<PickupCandidate> = {},
) {
  return {
    id,
    name,
    address: "",
    point,
    kind: "STORE",
    timeZone: "America/Chicago",
    openingHours: null,
    preparation: { merchantMinutes: null, shopifyPickupTime: null },
    orderCutoff: null,
    pickupEnabled: true,
    active: true,
    dailyCapacity: null,
    ordersTakenToday: 0,
    available: {},
    reserved: {},
    ...overrides,
  } satisfies PickupCandidate;
}

const lincolnPark = candidate("2", "Lincoln Park", { lat: 41.922, lng: -87.638 });
const wickerPark = candidate("1", "Wicker Park", { lat: 41.908, lng: -87.677 });
const evanston = candidate("3", "Evanston", { lat: 42.047, lng: -87.681 });
const unmapped = candidate("5", "Avondale", null);
const warehouse = candidate("4", "Warehouse", { lat: 41.82, lng: -87.665 }, { pickupEnabled: false });
const closedDown = candidate("6", "Old Town", { lat: 41.911, lng: -87.635 }, { active: false });
const all = [wickerPark, evanston, unmapped, warehouse, lincolnPark, closedDown];
const names = (stores: PickupCandidate[]) => stores.map((store) => store.name);

describe("the stores the product page lists", () => {
  it("lists stores offering pickup nearest the shopper first, those without coordinates last", () => {
    const nearLincolnPark = { lat: 41.921, lng: -87.64 };

    expect(names(pickupStoresForShopper(all, nearLincolnPark, 10))).toEqual([
      "Lincoln Park",
      "Wicker Park",
      "Evanston",
      "Avondale",
    ]);
  });

  it("lists them by name without the shopper's point", () => {
    expect(names(pickupStoresForShopper(all, null, 10))).toEqual([
      "Avondale",
      "Evanston",
      "Lincoln Park",
      "Wicker Park",
    ]);
  });

  it("lists at most the limit, and never more than ten", () => {
    const many = Array.from({ length: 15 }, (_, index) => candidate(String(index), `Store ${index}`, null));

    expect(pickupStoresForShopper(all, null, 2)).toHaveLength(2);
    expect(pickupStoresForShopper(many, null, 50)).toHaveLength(MAX_PRODUCT_PAGE_STORES);
  });
});
