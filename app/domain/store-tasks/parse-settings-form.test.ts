import { describe, expect, it } from "vitest";
import { parseStoreSettingsForm } from "./parse-settings-form";
import { DEFAULT_STORE_SETTINGS } from "./settings";
import { toStoreSettingsForm } from "./settings-form";

describe("the store settings form", () => {
  it("reads back the settings it shows", () => {
    expect(parseStoreSettingsForm(toStoreSettingsForm(DEFAULT_STORE_SETTINGS))).toEqual({
      ok: true,
      values: DEFAULT_STORE_SETTINGS,
    });
  });

  it("takes the pick-time target in minutes and stores whole seconds", () => {
    const form = { ...toStoreSettingsForm(DEFAULT_STORE_SETTINGS), pickTargetMinutes: "6.2" };
    const parsed = parseStoreSettingsForm(form);
    expect(parsed.ok && parsed.values.pickTargetSeconds).toBe(372);
    expect(toStoreSettingsForm({ ...DEFAULT_STORE_SETTINGS, pickTargetSeconds: 390 }).pickTargetMinutes).toBe("6.5");
  });

  it("turns store emails on when the box is ticked, and off when it is absent", () => {
    const form = toStoreSettingsForm(DEFAULT_STORE_SETTINGS);
    const ticked = parseStoreSettingsForm({ ...form, emailStoresOnNewTask: "true" });
    const { emailStoresOnNewTask: _absent, ...unticked } = form;
    expect(ticked.ok && ticked.values.emailStoresOnNewTask).toBe(true);
    expect(parseStoreSettingsForm(unticked)).toEqual({ ok: true, values: DEFAULT_STORE_SETTINGS });
    expect(parseStoreSettingsForm({ ...form, emailStoresOnNewTask: "yes please" })).toEqual({
      ok: false,
      errors: { emailStoresOnNewTask: "Choose on or off" },
    });
  });

  it("gives one message per field out of bounds or missing", () => {
    const parsed = parseStoreSettingsForm({
      ...toStoreSettingsForm(DEFAULT_STORE_SETTINGS),
      pickTargetMinutes: "300",
      escalationMinutesBeforeDue: "",
      shipSlaHours: "0",
    });
    expect(parsed).toEqual({
      ok: false,
      errors: {
        pickTargetMinutes: "Enter minutes from 0.5 to 240",
        escalationMinutesBeforeDue: "Enter minutes",
        shipSlaHours: "Enter hours from 1 to 336",
      },
    });
  });
});
