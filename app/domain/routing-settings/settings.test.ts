import { describe, expect, it } from "vitest";
import { formatShippingMethodRules, parseSettingsForm, type SettingsForm } from "./parse-settings";
import { DEFAULT_ROUTING_SETTINGS, engineRules, serviceLevelFor } from "./settings";

const valid: SettingsForm = {
  storeMinUnits: "3",
  radiusMiles: "10",
  maxExtraCostOverWarehouse: "2.50",
  allowSplit: "on",
  defaultServiceLevel: "STANDARD",
  shippingMethodRules: "express => NEXT_DAY\nSame day => SAME_DAY",
};

describe("routing settings", () => {
  it("start from the seed's figures: 3 units, 10 miles, $2.50 over the warehouse, splits allowed", () => {
    expect(engineRules(DEFAULT_ROUTING_SETTINGS)).toEqual({
      storeMinUnits: 3,
      radiusMiles: 10,
      maxExtraCostOverWarehouse: 2.5,
      allowSplit: true,
    });
  });

  it("read a valid form into settings", () => {
    const parsed = parseSettingsForm(valid);
    expect(parsed).toEqual({
      ok: true,
      settings: {
        storeMinUnits: 3,
        radiusMiles: 10,
        maxExtraCostOverWarehouse: 2.5,
        allowSplit: true,
        defaultServiceLevel: "STANDARD",
        shippingMethodRules: [
          { contains: "express", serviceLevel: "NEXT_DAY" },
          { contains: "Same day", serviceLevel: "SAME_DAY" },
        ],
      },
    });
  });

  it("treat an unticked split box as splits not allowed", () => {
    const { allowSplit: _omitted, ...form } = valid;
    const parsed = parseSettingsForm(form);
    expect(parsed.ok && parsed.settings.allowSplit).toBe(false);
  });

  it.each([
    ["storeMinUnits", "2.5", "Enter a whole number of units"],
    ["storeMinUnits", "-1", "Enter units from 0 to 1000"],
    ["storeMinUnits", "", "Enter units"],
    ["radiusMiles", "ten", "Enter miles as a number"],
    ["radiusMiles", "5000", "Enter miles from 0.5 to 500"],
    ["maxExtraCostOverWarehouse", "-2", "Enter dollars from 0 to 1000"],
    ["defaultServiceLevel", "FAST", "Choose Standard, Next day or Same day"],
    [
      "shippingMethodRules",
      "express -> NEXT_DAY",
      'Line 1: write it as "text => STANDARD", "text => NEXT_DAY" or "text => SAME_DAY"',
    ],
    [
      "shippingMethodRules",
      "express => TOMORROW",
      'Line 1: write it as "text => STANDARD", "text => NEXT_DAY" or "text => SAME_DAY"',
    ],
  ] as const)("reject %s = %j with the message %j", (field, value, message) => {
    expect(parseSettingsForm({ ...valid, [field]: value })).toEqual({ ok: false, errors: { [field]: message } });
  });

  it("report every invalid field at once", () => {
    const parsed = parseSettingsForm({ ...valid, storeMinUnits: "x", radiusMiles: "0" });
    expect(parsed.ok ? [] : Object.keys(parsed.errors)).toEqual(["storeMinUnits", "radiusMiles"]);
  });

  it("write shipping method rules back in the form they are typed", () => {
    const parsed = parseSettingsForm({
      ...valid,
      shippingMethodRules: formatShippingMethodRules(DEFAULT_ROUTING_SETTINGS.shippingMethodRules),
    });
    expect(parsed.ok && parsed.settings.shippingMethodRules).toEqual(DEFAULT_ROUTING_SETTINGS.shippingMethodRules);
  });
});

describe("the service level of an order", () => {
  it("is same-day for local delivery, whatever the shipping line says", () => {
    expect(serviceLevelFor(DEFAULT_ROUTING_SETTINGS, "LOCAL_DELIVERY", { title: "Standard" })).toBe("SAME_DAY");
  });

  it("follows the first rule found in the shipping line's title or code, ignoring case", () => {
    expect(serviceLevelFor(DEFAULT_ROUTING_SETTINGS, "SHIPPING", { title: "UPS Express Saver" })).toBe("NEXT_DAY");
    expect(serviceLevelFor(DEFAULT_ROUTING_SETTINGS, "SHIPPING", { title: "Courier", code: "SAME-DAY" })).toBe(
      "SAME_DAY",
    );
  });

  it("falls back to the default when no rule matches or there is no shipping line", () => {
    expect(serviceLevelFor(DEFAULT_ROUTING_SETTINGS, "SHIPPING", { title: "Ground" })).toBe("STANDARD");
    expect(serviceLevelFor(DEFAULT_ROUTING_SETTINGS, "PICK_UP", null)).toBe("STANDARD");
  });
});
