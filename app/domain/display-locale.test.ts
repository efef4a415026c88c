import { describe, expect, it } from "vitest";
import { acceptedLanguages, displayLocale, FALLBACK_LOCALE } from "./display-locale";

describe("the locale a merchant's numbers are formatted in", () => {
  it("is the admin's locale when it is one the runtime formats", () => {
    expect(displayLocale(["fr-CA", "en-US"])).toBe("fr-CA");
  });

  it("skips text that is no locale tag and falls back to en-US", () => {
    expect(displayLocale(["'; DROP TABLE", "", null, "x".repeat(300)])).toBe(FALLBACK_LOCALE);
  });

  it("reads Accept-Language by preference", () => {
    expect(acceptedLanguages("de;q=0.5, fr-FR, *;q=0.1, en;q=0.8")).toEqual(["fr-FR", "en", "de"]);
    expect(acceptedLanguages(null)).toEqual([]);
  });

  it("formats numbers the locale's way", () => {
    expect(new Intl.NumberFormat(displayLocale(["de-DE"])).format(12345)).toBe("12.345");
  });
});
