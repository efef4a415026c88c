import { describe, expect, it } from "vitest";
import {
  BUDGET_BYTES,
  THEME_SCRIPT_BUDGET_BYTES,
  extensionHandle,
  extensionTargets,
  extensionType,
  sizeReport,
} from "./extension-size-report";

const TOML = `
api_version = "2026-07"

[[extensions]]
type = "ui_extension"
handle = "pos-fulfilment"

[[extensions.targeting]]
module = "./src/Tile.tsx"
target = "pos.home.tile.render"

[[extensions.targeting]]
module = "./src/Modal.tsx"
target = "pos.home.modal.render"
`;

describe("the extension size report", () => {
  it("reads each target's module and the extension's handle from its toml", () => {
    expect(extensionTargets(TOML)).toEqual([
      { target: "pos.home.tile.render", module: "./src/Tile.tsx" },
      { target: "pos.home.modal.render", module: "./src/Modal.tsx" },
    ]);
    expect(extensionHandle(TOML)).toBe("pos-fulfilment");
    expect(extensionTargets('api_version = "2026-07"')).toEqual([]);
  });

  it("prints each size and passes when all are within the budget", () => {
    const report = sizeReport([
      { extension: "pos-fulfilment", what: "pos.home.tile.render", bytes: 9_830 },
      { extension: "pos-fulfilment", what: "built bundle (all targets)", bytes: BUDGET_BYTES },
    ]);

    expect(report.ok).toBe(true);
    expect(report.text.split("\n")).toEqual([
      "pos-fulfilment  pos.home.tile.render          9.6 KB gzip",
      "pos-fulfilment  built bundle (all targets)   32.0 KB gzip",
      "extensions: every target within 32.0 KB compressed (Shopify's limit 64.0 KB)",
    ]);
  });

  it("fails and marks what is over the budget", () => {
    const report = sizeReport([
      { extension: "pos-fulfilment", what: "pos.home.modal.render", bytes: BUDGET_BYTES + 1 },
    ]);

    expect(report.ok).toBe(false);
    expect(report.text).toContain("pos-fulfilment  pos.home.modal.render   32.0 KB gzip  OVER BUDGET");
    expect(report.text).toContain("extensions: 1 over budget");
  });

  it("reads whether an extension is a theme app extension or a UI extension", () => {
    expect(extensionType('name = "Pickup availability"\ntype = "theme"')).toBe("theme");
    expect(extensionType(TOML)).toBe("ui_extension");
    expect(extensionType('api_version = "2026-07"')).toBeUndefined();
  });

  it("holds a theme script to 10 KB as written, apart from the UI extensions' compressed budget", () => {
    const within = sizeReport([
      { extension: "pickup-availability", what: "assets/pickup-availability.js", bytes: 9_650, measure: "raw" },
    ]);
    const over = sizeReport([
      {
        extension: "pickup-availability",
        what: "assets/pickup-availability.js",
        bytes: THEME_SCRIPT_BUDGET_BYTES + 1,
        measure: "raw",
      },
    ]);

    expect(within.ok).toBe(true);
    expect(within.text).toMatch(/^pickup-availability {2}assets\/pickup-availability\.js +9\.4 KB raw$/m);
    expect(within.text).toContain("theme scripts within 10.0 KB as written");
    expect(over.ok).toBe(false);
    expect(over.text).toContain("10.0 KB raw  OVER BUDGET");
  });

  it("fails when there is nothing to measure", () => {
    expect(sizeReport([]).ok).toBe(false);
  });
});
