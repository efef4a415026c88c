import { describe, expect, it } from "vitest";
import { parseProfileForm } from "./profile-form";

const valid = {
  kind: "STORE",
  labourCostPerOrder: "3.00",
  shippingBaseCost: "5.50",
  shippingCostPerMile: "0.05",
  dailyCapacity: "",
  pickup: "shopify",
  timeZone: "America/Chicago",
  hours: "always",
};

describe("a location profile form", () => {
  it("reads the seed's store figures, with no capacity limit and pickup as set in Shopify", () => {
    expect(parseProfileForm(valid)).toEqual({
      ok: true,
      values: {
        kind: "STORE",
        labourCostPerOrder: 3,
        shippingBaseCost: 5.5,
        shippingCostPerMile: 0.05,
        dailyCapacity: null,
        pickupEnabledOverride: null,
        storeEmail: null,
        preparationMinutes: null,
        pickupOrderCutoff: null,
        openingHours: null,
        timeZone: "America/Chicago",
      },
    });
  });

  it("reads a daily capacity and a pickup override", () => {
    const parsed = parseProfileForm({ ...valid, dailyCapacity: "40", pickup: "off" });
    expect(parsed.ok && [parsed.values.dailyCapacity, parsed.values.pickupEnabledOverride]).toEqual([40, false]);
  });

  it("reads a store email, trimmed, and refuses one that is not an address", () => {
    const parsed = parseProfileForm({ ...valid, storeEmail: "  lincoln-park@windy-city.example " });
    expect(parsed.ok && parsed.values.storeEmail).toBe("lincoln-park@windy-city.example");
    for (const bad of ["lincoln park", "lincoln@", "<script>@x.example", `${"a".repeat(250)}@x.example`]) {
      expect(parseProfileForm({ ...valid, storeEmail: bad }), bad).toEqual({
        ok: false,
        errors: { storeEmail: "Enter an email address like lincoln-park@example.com, or leave it empty" },
      });
    }
  });

  it("names each field to fix", () => {
    expect(
      parseProfileForm({
        ...valid,
        kind: "KIOSK",
        labourCostPerOrder: "-1",
        dailyCapacity: "2.5",
        pickup: "maybe",
        timeZone: "Atlantis/Capital",
      }),
    ).toEqual({
      ok: false,
      errors: {
        kind: "Choose store or warehouse",
        labourCostPerOrder: "Enter the pick and pack cost in dollars, like 3.00",
        dailyCapacity: "Enter a whole number of orders a day from 1, or leave it empty for no limit",
        pickup: "Choose whether shoppers can pick up here",
        timeZone: "Choose a time zone from the list",
      },
    });
  });
});

describe("a location profile form's figures", () => {
  it("reads dollars with up to 4 decimals and refuses more than each cost's ceiling", () => {
    expect(
      parseProfileForm({
        ...valid,
        labourCostPerOrder: " 1000 ",
        shippingBaseCost: "1000.01",
        shippingCostPerMile: "0.1234",
      }),
    ).toEqual({ ok: false, errors: { shippingBaseCost: "Enter the cost of a parcel of at most $1000" } });
    expect(parseProfileForm({ ...valid, shippingCostPerMile: "100.5", shippingBaseCost: "0.12345" })).toEqual({
      ok: false,
      errors: {
        shippingBaseCost: "Enter the cost of a parcel in dollars, like 3.00",
        shippingCostPerMile: "Enter the cost a mile of at most $100",
      },
    });
  });

  it("takes a daily capacity from 1 to 100000 orders, and an empty one as no limit", () => {
    const capacityOf = (dailyCapacity: string | undefined) => {
      const parsed = parseProfileForm({ ...valid, dailyCapacity });
      return parsed.ok ? parsed.values.dailyCapacity : parsed.errors.dailyCapacity;
    };
    const refused = "Enter a whole number of orders a day from 1, or leave it empty for no limit";
    expect([capacityOf("1"), capacityOf(" 100000 "), capacityOf("  "), capacityOf(undefined)]).toEqual([
      1,
      100_000,
      null,
      null,
    ]);
    expect([capacityOf("0"), capacityOf("100001"), capacityOf("-3"), capacityOf("ten")]).toEqual([
      refused,
      refused,
      refused,
      refused,
    ]);
  });

  it("asks for every choice a browser leaves out", () => {
    expect(parseProfileForm({ timeZone: "UTC", hours: "always" })).toEqual({
      ok: false,
      errors: {
        kind: "Choose store or warehouse",
        labourCostPerOrder: "Enter the pick and pack cost in dollars, like 3.00",
        shippingBaseCost: "Enter the cost of a parcel in dollars, like 3.00",
        shippingCostPerMile: "Enter the cost a mile in dollars, like 3.00",
        pickup: "Choose whether shoppers can pick up here",
      },
    });
  });
});

describe("a location profile form's pickup promise settings", () => {
  const preparationOf = (preparationMinutes: string | undefined) => {
    const parsed = parseProfileForm({ ...valid, preparationMinutes });
    return parsed.ok ? parsed.values.preparationMinutes : parsed.errors.preparationMinutes;
  };
  const cutoffOf = (pickupOrderCutoff: string | undefined) => {
    const parsed = parseProfileForm({ ...valid, pickupOrderCutoff });
    return parsed.ok ? parsed.values.pickupOrderCutoff : parsed.errors.pickupOrderCutoff;
  };

  it("takes a preparation time of 5 to 10080 minutes, and an empty one as following Shopify", () => {
    expect([
      preparationOf("5"),
      preparationOf(" 90 "),
      preparationOf("10080"),
      preparationOf(""),
      preparationOf(undefined),
    ]).toEqual([5, 90, 10_080, null, null]);
    const refused = "Enter whole minutes from 5 to 10080, or leave it empty to follow Shopify";
    for (const bad of ["4", "0", "10081", "-30", "1.5", "1e3", "an hour", "9".repeat(400)]) {
      expect(preparationOf(bad), bad).toBe(refused);
    }
  });

  it("takes a pickup order cut-off as a time of day, and an empty one as none", () => {
    expect([cutoffOf("15:00"), cutoffOf(" 09:30 "), cutoffOf("00:00"), cutoffOf(""), cutoffOf(undefined)]).toEqual([
      "15:00",
      "09:30",
      "00:00",
      null,
      null,
    ]);
    const refused = "Enter a time from 00:00 to 23:59, like 15:00, or leave it empty for no cut-off";
    for (const bad of ["25:00", "24:00", "3pm", "9:30", "15:60", "'; DROP TABLE", "15:00:00"]) {
      expect(cutoffOf(bad), bad).toBe(refused);
    }
  });
});

describe("a location profile form with opening hours", () => {
  it("refuses the whole profile when only the hours are wrong", () => {
    expect(
      parseProfileForm({ ...valid, hours: "weekly", mondayIsOpen: "on", mondayOpens: "10:00", mondayCloses: "" }),
    ).toEqual({ ok: false, errors: { mondayCloses: "Enter when Monday closes, or untick Monday" } });
  });
});
