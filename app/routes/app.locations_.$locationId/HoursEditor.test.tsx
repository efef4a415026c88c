// @vitest-environment jsdom
import { renderToStaticMarkup } from "react-dom/server";
import type { ReactElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { AppProvider } from "@shopify/polaris";
import translations from "@shopify/polaris/locales/en.json";
import { hoursFormOf, timeZoneOptions } from "~/domain/locations/hours-form";
import type { LocationProfileRow } from "~/services/locations/location-profiles.server";
import { FoldedHoursFields, HoursEditor, postedHoursFields } from "./HoursEditor";

// Polaris reads the viewport's breakpoints when it loads; jsdom has no matchMedia. And React warns
// that layout effects do not run when rendering to markup, which is what these tests read.
vi.hoisted(() => {
  const warn = console.error.bind(console);
  console.error = (message: unknown, ...rest: unknown[]) => {
    if (typeof message === "string" && message.includes("useLayoutEffect does nothing on the server")) return;
    warn(message, ...rest);
  };
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      addEventListener: () => {},
      removeEventListener: () => {},
    }) as unknown as MediaQueryList;
});

/**
 * A card's hours are built only once the merchant opens them; folded, the card still saves the
 * whole profile. These tests post both as a browser would and compare what arrives.
 */

type FormState = LocationProfileRow["form"];

const ZONES = timeZoneOptions(["America/Chicago", "America/New_York", "Europe/London", "UTC"], new Date());
const ignore = () => () => undefined;

const BASE: FormState = {
  kind: "STORE",
  labourCostPerOrder: "2.75",
  shippingBaseCost: "6.00",
  shippingCostPerMile: "0.04",
  dailyCapacity: "",
  pickup: "shopify",
  storeEmail: "",
  preparationMinutes: "",
  pickupOrderCutoff: "",
  ...hoursFormOf(null, "America/Chicago"),
};

/** Weekdays 09:00–17:00, Saturday past midnight, Sunday unticked (its times left in the form). */
const WEEKLY: FormState = {
  ...BASE,
  ...hoursFormOf(
    {
      monday: { open: "09:00", close: "17:00" },
      tuesday: { open: "09:00", close: "17:00" },
      wednesday: { open: "09:00", close: "17:00" },
      thursday: { open: "09:00", close: "17:00" },
      friday: { open: "09:00", close: "17:00" },
      saturday: { open: "22:00", close: "02:00" },
      sunday: null,
    },
    "America/New_York",
  ),
};

/** What a form holding `element` posts, in order, as the browser builds it on submit. */
function posted(element: ReactElement): [string, string][] {
  const form = document.createElement("form");
  form.innerHTML = renderToStaticMarkup(<AppProvider i18n={translations}>{element}</AppProvider>);
  return [...new FormData(form).entries()].map(([name, value]) => [name, String(value)]);
}

const sorted = (fields: [string, string][]) => [...fields].sort(([a], [b]) => a.localeCompare(b));

const editor = (form: FormState) => (
  <HoursEditor form={form} errors={{}} set={ignore} setForm={() => undefined} timeZones={ZONES} />
);

describe("the Locations page's hours, folded and open", () => {
  it("posts always-open hours folded exactly as the open editor posts them", () => {
    const open = posted(editor(BASE));

    expect(sorted(open)).toEqual([
      ["hours", "always"],
      ["timeZone", "America/Chicago"],
    ]);
    expect(sorted(posted(<FoldedHoursFields form={BASE} />))).toEqual(sorted(open));
  });

  it("posts set hours folded exactly as the open editor posts them: ticked days with their times only", () => {
    const open = posted(editor(WEEKLY));
    const folded = posted(<FoldedHoursFields form={WEEKLY} />);

    expect(sorted(folded)).toEqual(sorted(open));
    expect(folded).toContainEqual(["saturdayOpens", "22:00"]);
    expect(folded).toContainEqual(["saturdayCloses", "02:00"]);
    expect(folded.map(([name]) => name)).not.toContain("sundayIsOpen");
    expect(folded.map(([name]) => name)).not.toContain("sundayOpens");
  });

  it("posts the days alone while the rows of newly chosen set hours are still being built", () => {
    const days = posted(<FoldedHoursFields form={WEEKLY} daysOnly />);

    expect(sorted(days)).toEqual(
      sorted(posted(editor(WEEKLY)).filter(([name]) => name !== "timeZone" && name !== "hours")),
    );
  });

  it("keeps a zone the runtime lists under another name choosable and posted", () => {
    const legacy = { ...WEEKLY, timeZone: "US/Central" };

    expect(posted(editor(legacy))).toContainEqual(["timeZone", "US/Central"]);
    expect(postedHoursFields(legacy)).toContainEqual(["timeZone", "US/Central"]);
  });

  it("builds no time zone list or day rows while folded", () => {
    const html = renderToStaticMarkup(<FoldedHoursFields form={WEEKLY} />);

    expect(html).not.toContain("<select");
    expect(html).not.toContain("Europe/London");
    expect(html).not.toContain('type="time"');
  });
});
