import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import type { RunningEmulator } from "../../../dev/emulator/server";
import { sessionTokenFor, startTestEmulator } from "../../../tests/support/emulator";
import { seedMirror } from "../../../tests/support/mirror";
import { TEST_APP } from "../../../tests/support/shopify-app";
import type { routingLocationsFor as RoutingLocationsFor } from "~/services/routing/routing-view.server";
import type { action as locationsAction, loader as locationsLoader } from "./route";

let emulator: RunningEmulator;
let prisma: PrismaClient;
let loader: typeof locationsLoader;
let action: typeof locationsAction;
let routingLocationsFor: typeof RoutingLocationsFor;

// The app's modules load once the emulator listens: the environment is read at first import.
beforeAll(async () => {
  emulator = await startTestEmulator();
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  ({ loader, action } = await import("./route"));
  ({ prisma } = await import("~/db.server"));
  ({ routingLocationsFor } = await import("~/services/routing/routing-view.server"));
  await seedMirror(prisma, "someone-else.myshopify.com", [
    { locationId: "7", name: "Elsewhere", kind: "STORE", lat: 40.7, lng: -74, stock: {} },
  ]);
});

// Each test starts from the Loop store with the default profile: always open, in Chicago.
beforeEach(async () => {
  await prisma.location.deleteMany({ where: { shop: emulator.shop } });
  await seedMirror(prisma, emulator.shop, [
    { locationId: "1", name: "Loop", kind: "STORE", lat: 41.8826, lng: -87.6278, stock: {} },
  ]);
});

afterAll(async () => {
  await emulator.close();
});

const auth = () => ({ Authorization: `Bearer ${sessionTokenFor(emulator.shop)}` });
const PROFILE = {
  kind: "STORE",
  labourCostPerOrder: "2.75",
  shippingBaseCost: "6.00",
  shippingCostPerMile: "0.04",
  dailyCapacity: "30",
  pickup: "off",
  timeZone: "America/Chicago",
  hours: "always",
};

/** Weekdays 10:00–21:00 and Saturday 10:00–18:00 in New York; Sunday unticked, so not posted. */
const NEW_YORK_HOURS = {
  timeZone: "America/New_York",
  hours: "weekly",
  ...Object.fromEntries(
    ["monday", "tuesday", "wednesday", "thursday", "friday"].flatMap((day) => [
      [`${day}IsOpen`, "on"],
      [`${day}Opens`, "10:00"],
      [`${day}Closes`, "21:00"],
    ]),
  ),
  saturdayIsOpen: "on",
  saturdayOpens: "10:00",
  saturdayCloses: "18:00",
  sundayOpens: "10:00",
  sundayCloses: "18:00",
};

const profileOf = (shop: string, locationId: string) =>
  prisma.locationProfile.findUniqueOrThrow({ where: { shop_locationId: { shop, locationId } } });

/** The location's page as the loader reads it. */
async function opened(locationId = "1", query = "") {
  return loader({
    request: new Request(`${TEST_APP.appUrl}/app/locations/${locationId}${query}`, { headers: auth() }),
    params: { locationId },
    context: {},
  });
}

/** The status of the Response the loader throws for a location it will not show. */
async function refusal(locationId: string): Promise<number> {
  try {
    await opened(locationId);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
  throw new Error(`the loader showed location ${locationId}`);
}

/** Posts the profile form to the location's page (`locationId` names the page, as its URL does). */
async function save({ locationId, ...fields }: Record<string, string>): Promise<{ status: number; body: unknown }> {
  const request = new Request(`${TEST_APP.appUrl}/app/locations/${locationId}`, {
    method: "POST",
    headers: auth(),
    body: new URLSearchParams(fields),
  });
  const response = await action({ request, params: { locationId: locationId ?? "" }, context: {} });
  return { status: response.status, body: await response.json() };
}

describe("a location's page", () => {
  it("shows the shop's location with its profile", async () => {
    const { location } = await opened("1");
    expect([location.name, location.form.labourCostPerOrder, location.form.pickup]).toEqual([
      "Loop",
      "3.00",
      "shopify",
    ]);
  });

  it("links back to the Locations table as the merchant left it, and to its first page for anything else", async () => {
    const back = encodeURIComponent("q=Loop&kind=store&sort=-capacity");
    expect((await opened("1", `?back=${back}`)).backUrl).toBe("/app/locations?q=Loop&kind=store&sort=-capacity");
    expect((await opened("1")).backUrl).toBe("/app/locations");
    expect((await opened("1", `?back=${encodeURIComponent("kind=castle")}`)).backUrl).toBe("/app/locations");
    expect((await opened("1", "?back=https%3A%2F%2Fevil.example%2F")).backUrl).toBe("/app/locations");
  });

  it("shows money fields in the shop's currency as the merchant's locale writes it", async () => {
    // The emulator's shop sells in US dollars: "$" in the US, "US$" in Canada, "$US" in France.
    expect((await opened("1", "?locale=en-US")).moneyPrefix).toBe("$");
    expect((await opened("1", "?locale=en-CA")).moneyPrefix).toBe("US$");
    expect((await opened("1", "?locale=fr-FR")).moneyPrefix).toBe("$US");
  });

  it("answers 404 for another shop's location, an unknown one or an id that is none", async () => {
    expect(await refusal("7")).toBe(404);
    expect(await refusal("424242")).toBe(404);
    expect(await refusal("gid://shopify/Location/1")).toBe(404);
    expect(await refusal("1".repeat(21))).toBe(404);
  });

  it("answers 404 for a location deleted in Shopify", async () => {
    await prisma.location.update({
      where: { shop_locationId: { shop: emulator.shop, locationId: "1" } },
      data: { deletedAt: new Date() },
    });
    expect(await refusal("1")).toBe(404);
  });

  it("saves a profile the merchant edits", async () => {
    expect(await save({ locationId: "1", ...PROFILE })).toEqual({ status: 200, body: { ok: true } });
    const profile = await prisma.locationProfile.findUniqueOrThrow({
      where: { shop_locationId: { shop: emulator.shop, locationId: "1" } },
    });
    expect([profile.labourCostPerOrder.toNumber(), profile.dailyCapacity, profile.pickupEnabledOverride]).toEqual([
      2.75,
      30,
      false,
    ]);
  });

  it("saves a store's email, shows it back, and clears it when emptied", async () => {
    const email = { locationId: "1", ...PROFILE, storeEmail: "loop@windy-city.example" };
    expect(await save(email)).toEqual({ status: 200, body: { ok: true } });
    expect((await profileOf(emulator.shop, "1")).storeEmail).toBe("loop@windy-city.example");
    expect((await opened()).location.form.storeEmail).toBe("loop@windy-city.example");

    expect(await save({ ...email, storeEmail: "not an address" })).toMatchObject({
      body: { ok: false, errors: { storeEmail: expect.any(String) } },
    });
    expect(await save({ ...email, storeEmail: "" })).toEqual({ status: 200, body: { ok: true } });
    expect((await profileOf(emulator.shop, "1")).storeEmail).toBeNull();
  });

  it("refuses invalid figures with field errors and changes nothing", async () => {
    const before = await prisma.locationProfile.findUniqueOrThrow({
      where: { shop_locationId: { shop: emulator.shop, locationId: "1" } },
    });
    const result = await save({ locationId: "1", ...PROFILE, shippingCostPerMile: "cheap" });
    expect(result).toEqual({
      status: 200,
      body: { ok: false, errors: { shippingCostPerMile: "Enter the cost a mile in dollars, like 3.00" } },
    });
    const after = await prisma.locationProfile.findUniqueOrThrow({
      where: { shop_locationId: { shop: emulator.shop, locationId: "1" } },
    });
    expect(after).toEqual(before);
  });

  it("answers 404 for another shop's location and leaves it alone", async () => {
    expect((await save({ locationId: "7", ...PROFILE })).status).toBe(404);
    const theirs = await prisma.locationProfile.findUniqueOrThrow({
      where: { shop_locationId: { shop: "someone-else.myshopify.com", locationId: "7" } },
    });
    expect(theirs.labourCostPerOrder.toNumber()).toBe(3);
  });

  it("shows the location's hours in a line with its time zone, and the zones to choose from", async () => {
    const { location, timeZones } = await opened();
    expect([location.name, location.hoursSummary, location.timeZoneName]).toEqual([
      "Loop",
      "Always open",
      "America/Chicago",
    ]);
    expect(timeZones.map((zone) => zone.value)).toEqual(expect.arrayContaining(["America/Chicago", "UTC"]));
  });

  it("saves opening hours and time zone, which routing then reads", async () => {
    expect(await save({ locationId: "1", ...PROFILE, ...NEW_YORK_HOURS })).toEqual({
      status: 200,
      body: { ok: true },
    });
    const profile = await profileOf(emulator.shop, "1");
    expect([profile.timeZone, profile.openingHours]).toEqual([
      "America/New_York",
      {
        monday: { open: "10:00", close: "21:00" },
        tuesday: { open: "10:00", close: "21:00" },
        wednesday: { open: "10:00", close: "21:00" },
        thursday: { open: "10:00", close: "21:00" },
        friday: { open: "10:00", close: "21:00" },
        saturday: { open: "10:00", close: "18:00" },
        sunday: null,
      },
    ]);
    const loop = (await opened()).location;
    expect([loop?.hoursSummary, loop?.timeZoneName, loop?.form.hours, loop?.form.sundayIsOpen]).toEqual([
      "Mon–Fri 10:00–21:00, Sat 10:00–18:00, Sun closed",
      "America/New York",
      "weekly",
      "",
    ]);
    // Wednesday 2026-11-25: 14:30 UTC is 09:30 in New York (closed, though 08:30 in Chicago would
    // be too), 15:30 UTC is 10:30 (open); Sunday 2026-11-29 at noon it is closed.
    const isOpen = async (at: string) =>
      (await routingLocationsFor(prisma, emulator.shop, [], new Date(at)))[0]?.isOpen;
    expect([
      await isOpen("2026-11-25T14:30:00Z"),
      await isOpen("2026-11-25T15:30:00Z"),
      await isOpen("2026-11-29T17:00:00Z"),
    ]).toEqual([false, true, false]);
  });

  it("refuses invalid hours or time zone with field errors and changes nothing", async () => {
    const before = await profileOf(emulator.shop, "1");
    const result = await save({
      locationId: "1",
      ...PROFILE,
      ...NEW_YORK_HOURS,
      labourCostPerOrder: "9.99",
      timeZone: "Mars/Olympus_Mons",
      mondayOpens: "25:00",
      tuesdayCloses: "10:00",
      fridayCloses: "",
    });
    expect(result).toEqual({
      status: 200,
      body: {
        ok: false,
        errors: {
          timeZone: "Choose a time zone from the list",
          mondayOpens: "Enter a time from 00:00 to 23:59, like 09:30",
          tuesdayCloses: "Enter a closing time different from the opening time",
          fridayCloses: "Enter when Friday closes, or untick Friday",
        },
      },
    });
    expect(await profileOf(emulator.shop, "1")).toEqual(before);
  });

  it("goes back to always open, which stores no hours", async () => {
    expect((await save({ locationId: "1", ...PROFILE, ...NEW_YORK_HOURS })).status).toBe(200);
    expect((await save({ locationId: "1", ...PROFILE })).status).toBe(200);
    const profile = await profileOf(emulator.shop, "1");
    expect([profile.openingHours, profile.timeZone]).toEqual([null, "America/Chicago"]);
    expect((await routingLocationsFor(prisma, emulator.shop, [], new Date("2026-11-29T08:00:00Z")))[0]?.isOpen).toBe(
      true,
    );
  });

  it("answers 404 for hours sent to another shop's location and leaves its hours alone", async () => {
    const result = await save({ locationId: "7", ...PROFILE, ...NEW_YORK_HOURS });
    expect(result).toEqual({ status: 404, body: { ok: false, notFound: true } });
    const theirs = await profileOf("someone-else.myshopify.com", "7");
    expect([theirs.openingHours, theirs.timeZone]).toEqual([null, "America/Chicago"]);
  });

  it("shows Shopify's pickup time beside the preparation time, and saves the store's own minutes and cut-off", async () => {
    await prisma.location.update({
      where: { shop_locationId: { shop: emulator.shop, locationId: "1" } },
      data: { pickupTime: "ONE_HOUR" },
    });
    const before = (await opened()).location;
    expect([before?.preparationHelp, before?.form.preparationMinutes, before?.form.pickupOrderCutoff]).toEqual([
      "Minutes of opening time to get a pickup order ready. Leave empty to follow Shopify: Usually ready in 1 hour.",
      "",
      "",
    ]);

    const pickup = {
      locationId: "1",
      ...PROFILE,
      pickup: "shopify",
      preparationMinutes: "45",
      pickupOrderCutoff: "16:30",
    };
    expect(await save(pickup)).toEqual({ status: 200, body: { ok: true } });
    const saved = await profileOf(emulator.shop, "1");
    expect([saved.preparationMinutes, saved.pickupOrderCutoff]).toEqual([45, "16:30"]);
    const after = (await opened()).location;
    expect([after?.form.preparationMinutes, after?.form.pickupOrderCutoff]).toEqual(["45", "16:30"]);

    // Emptied: back to Shopify's pickup time, and no cut-off.
    expect(await save({ ...pickup, preparationMinutes: "", pickupOrderCutoff: "" })).toEqual({
      status: 200,
      body: { ok: true },
    });
    const cleared = await profileOf(emulator.shop, "1");
    expect([cleared.preparationMinutes, cleared.pickupOrderCutoff]).toEqual([null, null]);
  });

  it("refuses a preparation time or cut-off out of range with field errors and changes nothing", async () => {
    expect(
      (await save({ locationId: "1", ...PROFILE, preparationMinutes: "90", pickupOrderCutoff: "15:00" })).status,
    ).toBe(200);
    const before = await profileOf(emulator.shop, "1");

    const result = await save({ locationId: "1", ...PROFILE, preparationMinutes: "10081", pickupOrderCutoff: "25:00" });

    expect(result).toEqual({
      status: 200,
      body: {
        ok: false,
        errors: {
          preparationMinutes: "Enter whole minutes from 5 to 10080, or leave it empty to follow Shopify",
          pickupOrderCutoff: "Enter a time from 00:00 to 23:59, like 15:00, or leave it empty for no cut-off",
        },
      },
    });
    expect(await profileOf(emulator.shop, "1")).toEqual(before);
  });

  it("answers hostile input in any field with field errors, never a server error", async () => {
    const before = await profileOf(emulator.shop, "1");
    const hostile = [
      "<script>alert(1)</script>",
      '\'; DROP TABLE "LocationProfile"; --',
      "\u0000",
      "9".repeat(10_000),
      "-1",
      "NaN",
      "1e309",
      "25:00",
      "🏬",
    ];
    const fields = [...Object.keys(PROFILE), "storeEmail", "preparationMinutes", "pickupOrderCutoff"];
    for (const field of fields) {
      for (const value of hostile) {
        const { status, body } = await save({ locationId: "1", ...PROFILE, [field]: value });
        expect(status, `${field}=${value.slice(0, 20)}`).toBe(200);
        expect(body, `${field}=${value.slice(0, 20)}`).toMatchObject({ ok: false, errors: expect.any(Object) });
      }
    }
    expect(await profileOf(emulator.shop, "1")).toEqual(before);
  });
});
