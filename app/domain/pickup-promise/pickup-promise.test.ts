import { describe, expect, it } from "vitest";
import type { OpeningHours, OpeningWindow, Weekday } from "../locations/opening-hours";
import { DEFAULT_STORE_SETTINGS } from "../store-tasks/settings";
import { dueAtFor } from "../store-tasks/timers";
import { MAX_ALTERNATIVES } from "./alternatives";
import { pickupPromises } from "./pickup-promise";
import { preparationMinutesOf } from "./preparation";
import { milesText } from "./promise-text";
import type { CartLine, LocationPromise, PickupCandidate, PromiseRequest } from "./types";

/** What the shopper is promised at each store for a cart, and what a store that cannot serve it suggests. */

const CHICAGO = "America/Chicago";
const SHIRT = "9001";
const MUG = "9002";

function hours(window: OpeningWindow | null, closed: readonly Weekday[] = []): OpeningHours {
  const on = (day: Weekday) => (closed.includes(day) ? null : window);
  return {
    sunday: on("sunday"),
    monday: on("monday"),
    tuesday: on("tuesday"),
    wednesday: on("wednesday"),
    thursday: on("thursday"),
    friday: on("friday"),
    saturday: on("saturday"),
  };
}

const TEN_TO_NINE = hours({ open: "10:00", close: "21:00" });
const LINCOLN_PARK = { lat: 41.92, lng: -87.65 };

function store(overrides: Partial<PickupCandidate> = {}): PickupCandidate {
  return {
    id: "1",
    name: "Lincoln Park",
    address: "2350 N Clark St, Chicago, IL",
    point: LINCOLN_PARK,
    kind: "STORE",
    timeZone: CHICAGO,
    openingHours: TEN_TO_NINE,
    preparation: { merchantMinutes: 60, shopifyPickupTime: null },
    orderCutoff: null,
    pickupEnabled: true,
    active: true,
    dailyCapacity: null,
    ordersTakenToday: 0,
    available: { [SHIRT]: 10, [MUG]: 10 },
    reserved: {},
    ...overrides,
  };
}

const line = (inventoryItemId: string, quantity = 1, title = inventoryItemId === MUG ? "Mug" : "Shirt"): CartLine => ({
  inventoryItemId,
  sku: `SKU-${inventoryItemId}`,
  title,
  quantity,
});
const ONE_SHIRT = [line(SHIRT)];

function answer(request: Partial<PromiseRequest> & Pick<PromiseRequest, "now">): readonly LocationPromise[] {
  const result = pickupPromises({ cart: ONE_SHIRT, locations: [store()], storeMinUnits: 1, shopper: null, ...request });
  if (!result.ok) throw new Error(result.message);
  return result.locations;
}

function promiseAt(now: string, overrides: Partial<PickupCandidate> = {}, cart = ONE_SHIRT, storeMinUnits = 1) {
  const [location] = answer({ now: new Date(now), locations: [store(overrides)], cart, storeMinUnits });
  if (!location) throw new Error("no answer for the store");
  return location;
}

describe("when the order will be ready", () => {
  // Friday 27 November 2026 in Chicago is CST, UTC−6; open 10:00–21:00 and an hour to prepare unless a row says so.
  const closedWeekends = hours({ open: "10:00", close: "21:00" }, ["saturday", "sunday"]);
  const lateBar = hours({ open: "18:00", close: "02:00" });
  it.each([
    {
      case: "open now: the preparation time from now",
      now: "2026-11-27T20:00:00Z",
      location: {},
      readyBy: "2026-11-27T21:00:00.000Z",
      headline: "Ready today by 3:00 PM",
      note: null,
    },
    {
      case: "opening later today: from the opening",
      now: "2026-11-27T14:00:00Z",
      location: {},
      readyBy: "2026-11-27T17:00:00.000Z",
      headline: "Ready today by 11:00 AM",
      note: null,
    },
    {
      case: "preparation running past closing: the rest when it opens again",
      now: "2026-11-28T02:30:00Z",
      location: {},
      readyBy: "2026-11-28T16:30:00.000Z",
      headline: "Ready tomorrow from 10:30 AM",
      note: null,
    },
    {
      case: "just before the order cut-off: today",
      now: "2026-11-27T20:59:00Z",
      location: { orderCutoff: "15:00" },
      readyBy: "2026-11-27T21:59:00.000Z",
      headline: "Ready today by 3:59 PM",
      note: null,
    },
    {
      case: "after the order cut-off: from the next opening",
      now: "2026-11-27T21:00:00Z",
      location: { orderCutoff: "15:00" },
      readyBy: "2026-11-28T17:00:00.000Z",
      headline: "Ready tomorrow from 11:00 AM",
      note: "Order by 3:00 PM for same-day pickup",
    },
    {
      case: "closed tomorrow",
      now: "2026-11-28T03:30:00Z",
      location: { openingHours: hours({ open: "10:00", close: "21:00" }, ["saturday"]) },
      readyBy: "2026-11-29T17:00:00.000Z",
      headline: "Ready Sunday from 11:00 AM",
      note: "Closed tomorrow",
    },
    {
      case: "closed today and tomorrow",
      now: "2026-11-28T18:00:00Z",
      location: { openingHours: closedWeekends },
      readyBy: "2026-11-30T17:00:00.000Z",
      headline: "Ready Monday from 11:00 AM",
      note: "Closed today and tomorrow",
    },
    {
      case: "overnight hours, at 01:30 after the night before's closing: ready once it opens this evening",
      now: "2026-11-27T07:30:00Z",
      location: { openingHours: lateBar },
      readyBy: "2026-11-28T00:30:00.000Z",
      headline: "Ready today by 6:30 PM",
      note: null,
    },
    {
      case: "overnight hours, late in the evening: ready after midnight",
      now: "2026-11-28T05:30:00Z",
      location: { openingHours: lateBar },
      readyBy: "2026-11-28T06:30:00.000Z",
      headline: "Ready tomorrow from 12:30 AM",
      note: null,
    },
    {
      case: "capacity full today: from the next opening",
      now: "2026-11-27T20:00:00Z",
      location: { dailyCapacity: 20, ordersTakenToday: 20 },
      readyBy: "2026-11-28T17:00:00.000Z",
      headline: "Ready tomorrow from 11:00 AM",
      note: "Fully booked today",
    },
    {
      case: "capacity full today and closed tomorrow",
      now: "2026-11-27T20:00:00Z",
      location: { dailyCapacity: 20, ordersTakenToday: 21, openingHours: closedWeekends },
      readyBy: "2026-11-30T17:00:00.000Z",
      headline: "Ready Monday from 11:00 AM",
      note: "Fully booked today; closed tomorrow",
    },
    {
      case: "always open (no hours): every minute counts, a full day starts at midnight",
      now: "2026-11-27T20:00:00Z",
      location: { openingHours: null, dailyCapacity: 5, ordersTakenToday: 5 },
      readyBy: "2026-11-28T07:00:00.000Z",
      headline: "Ready tomorrow from 1:00 AM",
      note: "Fully booked today",
    },
    {
      case: "Shopify's 2–4 days: the weekday within the coming week",
      now: "2026-11-27T21:00:00Z",
      location: { preparation: { merchantMinutes: null, shopifyPickupTime: "TWO_TO_FOUR_DAYS" } },
      // 2,400 opening minutes: 6 hours today, 11 a day Saturday to Monday, 1 on Tuesday.
      readyBy: "2026-12-01T17:00:00.000Z",
      headline: "Ready Tuesday from 11:00 AM",
      note: null,
    },
    {
      case: "a long preparation beyond the coming week: the date",
      now: "2026-11-27T20:00:00Z",
      // 81 opening hours: 7 today, 11 a day Saturday to Thursday, 8 on Friday.
      location: { preparation: { merchantMinutes: 81 * 60, shopifyPickupTime: null } },
      readyBy: "2026-12-05T00:00:00.000Z",
      headline: "Ready Fri, Dec 4 from 6:00 PM",
      note: null,
    },
  ])("$case", ({ now, location, readyBy, headline, note }) => {
    const { promise, canServe } = promiseAt(now, location);
    expect(canServe).toBe(true);
    expect(promise?.readyBy.toISOString()).toBe(readyBy);
    expect(promise?.headline).toBe(headline);
    expect(promise?.note).toBe(note);
  });

  it("says why a store does not take the order today", () => {
    expect(promiseAt("2026-11-27T21:00:00Z", { orderCutoff: "15:00" }).promise).toMatchObject({
      notToday: "PAST_CUTOFF",
      day: "TOMORROW",
      preparationStartsAt: new Date("2026-11-28T16:00:00Z"),
    });
    expect(promiseAt("2026-11-27T20:00:00Z", { dailyCapacity: 20, ordersTakenToday: 20 }).promise).toMatchObject({
      notToday: "FULLY_BOOKED",
    });
    expect(promiseAt("2026-11-27T20:00:00Z").promise).toMatchObject({ notToday: null, day: "TODAY" });
  });

  it("gives the capacity left today, none when full, and no limit as null", () => {
    expect(promiseAt("2026-11-27T20:00:00Z", { dailyCapacity: 20, ordersTakenToday: 19 })).toMatchObject({
      capacityLeftToday: 1,
      promise: { day: "TODAY" },
    });
    expect(promiseAt("2026-11-27T20:00:00Z", { dailyCapacity: 20, ordersTakenToday: 25 }).capacityLeftToday).toBe(0);
    expect(promiseAt("2026-11-27T20:00:00Z").capacityLeftToday).toBeNull();
  });

  it("tells apart stores with the same hours when only one of them is fully booked", () => {
    const open = store({ id: "2", point: null, dailyCapacity: 20, ordersTakenToday: 3 });
    const full = store({ id: "3", point: null, dailyCapacity: 20, ordersTakenToday: 20 });
    const answered = answer({ now: new Date("2026-11-27T20:00:00Z"), locations: [open, full, store({ id: "4" })] });
    expect(answered.map(({ locationId, promise }) => [locationId, promise?.day])).toEqual([
      ["2", "TODAY"],
      ["3", "TOMORROW"],
      ["4", "TODAY"],
    ]);
  });

  it("reads each store's clock in its own time zone", () => {
    const newYork = store({ id: "2", name: "SoHo", timeZone: "America/New_York", point: null });
    const losAngeles = store({ id: "3", name: "Venice", timeZone: "America/Los_Angeles", point: null });
    const at = (now: string) =>
      answer({ now: new Date(now), locations: [newYork, losAngeles] }).map(({ name, promise }) => [
        name,
        promise?.headline,
        promise?.readyBy.toISOString(),
      ]);
    // 15:00 in New York, 12:00 in Los Angeles.
    expect(at("2026-11-27T20:00:00Z")).toEqual([
      ["SoHo", "Ready today by 4:00 PM", "2026-11-27T21:00:00.000Z"],
      ["Venice", "Ready today by 1:00 PM", "2026-11-27T21:00:00.000Z"],
    ]);
    // 21:30 in New York (closed), 18:30 in Los Angeles.
    expect(at("2026-11-28T02:30:00Z")).toEqual([
      ["SoHo", "Ready tomorrow from 11:00 AM", "2026-11-28T16:00:00.000Z"],
      ["Venice", "Ready today by 7:30 PM", "2026-11-28T03:30:00.000Z"],
    ]);
  });

  it("opens at the local time on the day the clocks go forward (Chicago, 8 March 2026)", () => {
    // Saturday 7 March 20:30 CST, two hours to prepare: 30 minutes tonight, 90 from 10:00 CDT (15:00Z).
    const late = promiseAt("2026-03-08T02:30:00Z", { preparation: { merchantMinutes: 120, shopifyPickupTime: null } });
    expect(late.promise?.readyBy.toISOString()).toBe("2026-03-08T16:30:00.000Z");
    expect(late.promise?.headline).toBe("Ready tomorrow from 11:30 AM");
    // Fully booked on Saturday: Sunday's opening is 10:00 CDT.
    const full = promiseAt("2026-03-07T20:00:00Z", { dailyCapacity: 1, ordersTakenToday: 1 });
    expect(full.promise?.preparationStartsAt.toISOString()).toBe("2026-03-08T15:00:00.000Z");
    expect(full.promise?.headline).toBe("Ready tomorrow from 11:00 AM");
  });

  it("opens and cuts off at the local time on the day the clocks go back (Chicago, 1 November 2026)", () => {
    // Sunday 09:00 CST (the clock went back at 02:00): opens 10:00 CST, 16:00Z.
    const morning = promiseAt("2026-11-01T15:00:00Z");
    expect(morning.promise?.readyBy.toISOString()).toBe("2026-11-01T17:00:00.000Z");
    expect(morning.promise?.headline).toBe("Ready today by 11:00 AM");
    // A 15:00 cut-off is 21:00Z that day, not 20:00Z as it was the day before.
    expect(promiseAt("2026-11-01T20:59:00Z", { orderCutoff: "15:00" }).promise?.day).toBe("TODAY");
    expect(promiseAt("2026-11-01T21:00:00Z", { orderCutoff: "15:00" }).promise).toMatchObject({
      day: "TOMORROW",
      notToday: "PAST_CUTOFF",
      readyBy: new Date("2026-11-02T17:00:00Z"),
    });
  });
});

describe("the promise is the store task's due time", () => {
  // dueAtFor gives a pickup assigned at an instant its due time; the promise must not disagree with it.
  const cases: { now: string; location: Partial<PickupCandidate> }[] = [
    { now: "2026-11-27T20:00:00Z", location: {} },
    { now: "2026-11-27T14:00:00Z", location: {} },
    { now: "2026-11-28T02:30:00Z", location: { preparation: { merchantMinutes: 120, shopifyPickupTime: null } } },
    { now: "2026-11-27T07:30:00Z", location: { openingHours: hours({ open: "18:00", close: "02:00" }) } },
    {
      now: "2026-03-08T02:30:00Z",
      location: { preparation: { merchantMinutes: null, shopifyPickupTime: "FOUR_HOURS" } },
    },
    { now: "2026-11-01T07:30:00Z", location: { openingHours: null } },
    { now: "2026-11-27T21:00:00Z", location: { orderCutoff: "15:00" } },
    { now: "2026-11-27T20:00:00Z", location: { dailyCapacity: 3, ordersTakenToday: 3 } },
  ];

  it.each(cases)("at $now, for an order assigned when the store starts on it", ({ now, location }) => {
    const candidate = store(location);
    const { promise } = promiseAt(now, location);
    if (!promise) throw new Error("no promise");
    const dueAt = dueAtFor(
      { kind: "PICKUP", assignedAt: promise.preparationStartsAt },
      { ...candidate, preparationMinutes: preparationMinutesOf(candidate.preparation), sameDayCutoff: null },
      DEFAULT_STORE_SETTINGS,
    );
    expect(promise.readyBy).toEqual(dueAt);
    // A store that takes the order today starts on it at once: the due time of an order assigned now.
    if (promise.notToday === null) expect(promise.preparationStartsAt).toEqual(new Date(now));
  });
});

describe("whether a store has the whole cart", () => {
  const NOW = new Date("2026-11-27T20:00:00Z");

  it("needs each item at least its quantity, and a store at least the store minimum", () => {
    const twoLeft = { available: { [SHIRT]: 2 } };
    expect(promiseAt(NOW.toISOString(), twoLeft, ONE_SHIRT, 2).canServe).toBe(true);
    const belowMinimum = promiseAt(NOW.toISOString(), twoLeft, ONE_SHIRT, 3);
    expect(belowMinimum).toMatchObject({ canServe: false, promise: null, unavailable: "Not in stock here" });
    expect(belowMinimum.lines).toEqual([
      { inventoryItemId: SHIRT, title: "Shirt", quantity: 1, available: 2, enough: false },
    ]);
    // The minimum keeps a store's last units for the shop floor; a warehouse has none.
    expect(promiseAt(NOW.toISOString(), { ...twoLeft, kind: "WAREHOUSE" }, ONE_SHIRT, 3).canServe).toBe(true);
  });

  it("counts stock less what other orders' reservations hold", () => {
    const held = promiseAt(NOW.toISOString(), { available: { [SHIRT]: 2 }, reserved: { [SHIRT]: 1 } }, [
      line(SHIRT, 2),
    ]);
    expect(held).toMatchObject({ canServe: false, unavailable: "Only 1 of 2 in stock here" });
    expect(held.lines[0]?.available).toBe(1);
    const overHeld = promiseAt(NOW.toISOString(), { available: { [SHIRT]: 2 }, reserved: { [SHIRT]: 5 } });
    expect(overHeld.lines[0]?.available).toBe(0);
    expect(promiseAt(NOW.toISOString(), { reserved: { [MUG]: 10 } }).canServe).toBe(true);
  });

  it("adds up two lines of the same item", () => {
    const split = [line(SHIRT, 2), line(SHIRT, 2)];
    const store3 = promiseAt(NOW.toISOString(), { available: { [SHIRT]: 3 } }, split);
    expect(store3).toMatchObject({ canServe: false, unavailable: "Only 3 of 4 in stock here" });
    expect(store3.lines).toHaveLength(1);
  });

  it("says how many of the cart's items it has", () => {
    const cart = [line(SHIRT), line(MUG)];
    expect(promiseAt(NOW.toISOString(), { available: { [SHIRT]: 5 } }, cart).unavailable).toBe(
      "Only 1 of 2 items in stock here",
    );
    expect(promiseAt(NOW.toISOString(), { available: {} }, cart).unavailable).toBe("None of the 2 items in stock here");
  });

  it("takes an item the store has never stocked as none, whatever its id", () => {
    const unknown = [line("constructor", 1, "Mystery"), line(SHIRT)];
    expect(promiseAt(NOW.toISOString(), {}, unknown)).toMatchObject({
      canServe: false,
      unavailable: "Only 1 of 2 items in stock here",
      lines: [{ inventoryItemId: "constructor", available: 0, enough: false }, { enough: true }],
    });
  });

  it("offers nothing where pickup is off, the location is inactive, or it never opens", () => {
    expect(promiseAt(NOW.toISOString(), { pickupEnabled: false }).unavailable).toBe("Pickup is not offered here");
    expect(promiseAt(NOW.toISOString(), { active: false }).unavailable).toBe("Pickup is not offered here");
    expect(promiseAt(NOW.toISOString(), { openingHours: hours(null) })).toMatchObject({
      canServe: false,
      promise: null,
      unavailable: "Closed every day",
    });
  });

  it("refuses an empty cart and a quantity that is not a whole number from 1", () => {
    const ask = (cart: CartLine[]) =>
      pickupPromises({ cart, locations: [store()], storeMinUnits: 1, shopper: null, now: NOW });
    expect(ask([])).toMatchObject({ ok: false, refusal: "EMPTY_CART" });
    for (const quantity of [0, -1, 1.5, Number.NaN]) {
      expect(ask([line(SHIRT, quantity)])).toMatchObject({ ok: false, refusal: "BAD_QUANTITY" });
    }
  });
});

describe("the nearest stores that can serve the cart", () => {
  const NOW = new Date("2026-11-27T20:00:00Z");
  // 0.01° of latitude is 0.69 miles.
  const north = (id: string, degrees: number, overrides: Partial<PickupCandidate> = {}) =>
    store({ id, name: `Store ${id}`, point: { lat: LINCOLN_PARK.lat + degrees, lng: LINCOLN_PARK.lng }, ...overrides });
  const missingMug = store({ available: { [SHIRT]: 5 } });
  const cart = [line(SHIRT), line(MUG)];
  const locations = [
    missingMug,
    north("far", 0.05),
    north("near", 0.01),
    north("nowhere", 0, { point: null }),
    north("closest-but-empty", 0.005, { available: {} }),
    north("closest-but-no-pickup", 0.004, { pickupEnabled: false }),
    north("third", 0.03),
    north("second", 0.02),
  ];

  it("lists the nearest complete stores by distance from the store chosen, with miles, at most three", () => {
    const [chosen] = answer({ now: NOW, cart, locations, only: ["1"] });
    expect(chosen?.unavailable).toBe("Only 1 of 2 items in stock here");
    expect(chosen?.alternatives.map(({ locationId, miles }) => [locationId, miles])).toEqual([
      ["near", 0.69],
      ["second", 1.38],
      ["third", 2.07],
    ]);
    expect(chosen?.alternatives).toHaveLength(MAX_ALTERNATIVES);
    expect(chosen?.alternatives[0]).toMatchObject({
      name: "Store near",
      promise: { headline: "Ready today by 3:00 PM" },
    });
    expect(milesText(chosen?.alternatives[0]?.miles ?? 0)).toBe("0.7 mi");
  });

  it("lists none for a store that can serve the cart, or that has no coordinates", () => {
    const answered = answer({ now: NOW, cart, locations, only: ["near", "nowhere"] });
    expect(answered.map((entry) => [entry.locationId, entry.alternatives.length])).toEqual([
      ["near", 0],
      ["nowhere", 0],
    ]);
  });

  it("lists the stores nearest the shopper first when the shopper's point is known", () => {
    const shopper = { lat: LINCOLN_PARK.lat + 0.021, lng: LINCOLN_PARK.lng };
    const answered = answer({ now: NOW, cart, locations, shopper, only: ["1", "far", "second", "nowhere"] });
    expect(answered.map((entry) => [entry.locationId, entry.milesFromShopper])).toEqual([
      ["second", 0.07],
      ["1", 1.45],
      ["far", 2.0],
      ["nowhere", null],
    ]);
  });
});
