import { describe, expect, it } from "vitest";
import { DEFAULT_ROUTING_SETTINGS } from "./settings";
import { parseSettingsForm } from "./parse-settings";
import { formatShippingMethodRules, toSettingsForm, type SettingsForm } from "./settings-form";

const valid: SettingsForm = {
  storeMinUnits: "3",
  radiusMiles: "10",
  maxExtraCostOverWarehouse: "2.50",
  allowSplit: "on",
  defaultServiceLevel: "STANDARD",
  shippingMethodRules: "express => NEXT_DAY\nSame day => SAME_DAY",
};

describe("routing settings in the form", () => {
  it("read a valid form into settings", () => {
    const parsed = parseSettingsForm(valid);
    expect(parsed).toEqual({
      ok: true,
      values: {
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
    expect(parsed.ok && parsed.values.allowSplit).toBe(false);
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
    expect(parsed.ok && parsed.values.shippingMethodRules).toEqual(DEFAULT_ROUTING_SETTINGS.shippingMethodRules);
  });

  it("show in the form as they parse back", () => {
    expect(parseSettingsForm(toSettingsForm(DEFAULT_ROUTING_SETTINGS))).toEqual({
      ok: true,
      values: DEFAULT_ROUTING_SETTINGS,
    });
  });

  it("need every number and a default service level, but read absent rules and split as none", () => {
    expect(parseSettingsForm({ defaultServiceLevel: "STANDARD" })).toEqual({
      ok: false,
      errors: { storeMinUnits: "Enter units", radiusMiles: "Enter miles", maxExtraCostOverWarehouse: "Enter dollars" },
    });
    const parsed = parseSettingsForm({
      storeMinUnits: "0",
      radiusMiles: "0.5",
      maxExtraCostOverWarehouse: "0",
      defaultServiceLevel: "SAME_DAY",
    });
    expect(parsed.ok && [parsed.values.allowSplit, parsed.values.shippingMethodRules]).toEqual([false, []]);
    expect(parseSettingsForm({ ...valid, defaultServiceLevel: undefined })).toEqual({
      ok: false,
      errors: { defaultServiceLevel: "Choose Standard, Next day or Same day" },
    });
  });

  it("read what is typed trimmed, skip blank rule lines and keep dollars to the cent", () => {
    const parsed = parseSettingsForm({
      ...valid,
      storeMinUnits: " 4 ",
      maxExtraCostOverWarehouse: "2.499",
      allowSplit: "false",
      shippingMethodRules: "\n  express=>NEXT_DAY  \n\n",
    });
    expect(parsed.ok && parsed.values).toMatchObject({
      storeMinUnits: 4,
      maxExtraCostOverWarehouse: 2.5,
      allowSplit: false,
      shippingMethodRules: [{ contains: "express", serviceLevel: "NEXT_DAY" }],
    });
  });

  it("name the first rule line that does not read, and refuse more rules than the limit", () => {
    expect(parseSettingsForm({ ...valid, shippingMethodRules: "express => NEXT_DAY\n => SAME_DAY" })).toEqual({
      ok: false,
      errors: {
        shippingMethodRules: 'Line 2: write it as "text => STANDARD", "text => NEXT_DAY" or "text => SAME_DAY"',
      },
    });
    const tooMany = Array.from({ length: 51 }, (_, index) => `method ${index} => STANDARD`).join("\n");
    expect(parseSettingsForm({ ...valid, shippingMethodRules: tooMany })).toEqual({
      ok: false,
      errors: { shippingMethodRules: "Keep to 50 rules or fewer" },
    });
  });

  it("refuse a split choice that is neither ticked nor unticked", () => {
    expect(parseSettingsForm({ ...valid, allowSplit: "maybe" })).toEqual({
      ok: false,
      errors: { allowSplit: "Choose whether orders may be split" },
    });
  });
});
