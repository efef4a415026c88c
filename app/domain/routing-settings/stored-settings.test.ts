import { describe, expect, it } from "vitest";
import { parseSettingsForm } from "./parse-settings";
import { DEFAULT_ROUTING_SETTINGS } from "./settings";
import { readStoredSettings, toSettingsForm } from "./stored-settings";

describe("stored routing settings", () => {
  it("read back exactly what was saved", () => {
    const saved = { ...DEFAULT_ROUTING_SETTINGS, storeMinUnits: 5, radiusMiles: 15, allowSplit: false };
    expect(readStoredSettings(JSON.parse(JSON.stringify(saved)))).toEqual(saved);
  });

  it("fill a field the stored version lacks, or cannot be read, with its default", () => {
    expect(readStoredSettings({ storeMinUnits: "five", radiusMiles: 12 })).toEqual({
      ...DEFAULT_ROUTING_SETTINGS,
      radiusMiles: 12,
    });
    expect(readStoredSettings(null)).toEqual(DEFAULT_ROUTING_SETTINGS);
  });

  it("show in the form as they parse back", () => {
    const parsed = parseSettingsForm(toSettingsForm(DEFAULT_ROUTING_SETTINGS));
    expect(parsed).toEqual({ ok: true, settings: DEFAULT_ROUTING_SETTINGS });
  });
});
