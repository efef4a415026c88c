import { describe, expect, it } from "vitest";
import { DEFAULT_STORE_SETTINGS, storeSettingsSchema } from "./settings";

describe("store settings", () => {
  it("defaults to a 6-minute pick target, alerts at 15 minutes, escalation off, uncollected at 7 days, no store emails", () => {
    expect(DEFAULT_STORE_SETTINGS).toEqual({
      pickTargetSeconds: 360,
      notStartedMinutes: 15,
      escalation: { enabled: false, minutesBeforeDue: 30 },
      uncollectedDays: 7,
      requireIdCheck: false,
      exceptionStockPolicy: "HOLD_OUT_OF_ROUTING",
      shipSlaHours: 24,
      emailStoresOnNewTask: false,
    });
  });

  it("reads stored settings, a missing key taking its default", () => {
    expect(storeSettingsSchema.parse({})).toEqual(DEFAULT_STORE_SETTINGS);
    expect(storeSettingsSchema.parse({ escalation: { enabled: true }, requireIdCheck: true })).toEqual({
      ...DEFAULT_STORE_SETTINGS,
      escalation: { enabled: true, minutesBeforeDue: 30 },
      requireIdCheck: true,
    });
    const saved = {
      pickTargetSeconds: 300,
      notStartedMinutes: 10,
      escalation: { enabled: true, minutesBeforeDue: 45 },
      uncollectedDays: 3,
      requireIdCheck: true,
      exceptionStockPolicy: "SET_SHOPIFY_ZERO",
      shipSlaHours: 48,
      emailStoresOnNewTask: true,
    };
    expect(storeSettingsSchema.parse(saved)).toEqual(saved);
  });

  it("reads settings saved before store emails existed with store emails off", () => {
    const savedBefore = { pickTargetSeconds: 300, requireIdCheck: true };
    expect(storeSettingsSchema.parse(savedBefore)).toMatchObject({ ...savedBefore, emailStoresOnNewTask: false });
  });

  it("refuses values out of bounds or of the wrong kind", () => {
    for (const bad of [
      { pickTargetSeconds: 0 },
      { notStartedMinutes: 1.5 },
      { escalation: { minutesBeforeDue: -5 } },
      { uncollectedDays: 400 },
      { exceptionStockPolicy: "DELETE_PRODUCT" },
      { requireIdCheck: "yes" },
      { shipSlaHours: "24" },
      { emailStoresOnNewTask: "on" },
    ]) {
      expect(storeSettingsSchema.safeParse(bad).success).toBe(false);
    }
  });
});
