import { describe, expect, it } from "vitest";
import { polarisClassesIn, withoutUnusedPolarisRules } from "./unused-polaris-css";

describe("Polaris's stylesheet cut to the classes the app's JavaScript holds", () => {
  it("finds the class names a built module spells out", () => {
    const used = polarisClassesIn(['var s={Button:"Polaris-Button",primary:"Polaris-Button--variantPrimary"};', "x"]);
    expect([...used].sort()).toEqual(["Polaris-Button", "Polaris-Button--variantPrimary"]);
  });

  it("drops a rule whose selector names a class no module holds, and keeps the rest of the sheet", () => {
    const css = [
      ":root{--p-space-100:0.25rem}",
      ".p-theme-light{--p-color-bg:#fff}",
      "html{font-size:100%}",
      ".Polaris-Button{color:red}",
      ".Polaris-Frame{display:flex}",
      ".Polaris-Button .Polaris-Frame__Main{margin:0}",
      "@keyframes p-spin{from{opacity:0}to{opacity:1}}",
    ].join("");

    const cut = withoutUnusedPolarisRules(css, new Set(["Polaris-Button"]));

    expect(cut).toContain(":root{--p-space-100:0.25rem}");
    expect(cut).toContain(".p-theme-light{--p-color-bg:#fff}");
    expect(cut).toContain("html{font-size:100%}");
    expect(cut).toContain(".Polaris-Button{color:red}");
    expect(cut).toContain("@keyframes p-spin{from{opacity:0}to{opacity:1}}");
    expect(cut).not.toContain("Polaris-Frame");
  });

  it("keeps the selectors of a list that may match and empties no media query it leaves rules in", () => {
    const css =
      ".Polaris-Button,.Polaris-Frame{color:red}" +
      "@media (min-width: 30em){.Polaris-Frame{display:none}}" +
      "@media (min-width: 48em){.Polaris-Frame{display:none}.Polaris-Button{display:block}}";

    const cut = withoutUnusedPolarisRules(css, new Set(["Polaris-Button"]));

    expect(cut).toBe(".Polaris-Button{color:red}@media (min-width: 48em){.Polaris-Button{display:block}}");
  });
});
