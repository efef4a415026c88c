import { describe, expect, it } from "vitest";
import {
  canonicalTimeZone,
  hoursFormOf,
  readStoredOpeningHours,
  summariseOpeningHours,
  timeZoneOptions,
} from "./hours-form";
import type { OpeningHours } from "./opening-hours";

const STORE: OpeningHours = {
  monday: { open: "10:00", close: "21:00" },
  tuesday: { open: "10:00", close: "21:00" },
  wednesday: { open: "10:00", close: "21:00" },
  thursday: { open: "10:00", close: "21:00" },
  friday: { open: "10:00", close: "21:00" },
  saturday: { open: "10:00", close: "18:00" },
  sunday: null,
};

describe("the opening hours form as it starts", () => {
  it("starts an always-open location from always open, with every day ready to set", () => {
    const form = hoursFormOf(null, "Europe/London");
    expect([form.hours, form.timeZone, form.mondayIsOpen, form.mondayOpens, form.mondayCloses]).toEqual([
      "always",
      "Europe/London",
      "on",
      "10:00",
      "21:00",
    ]);
  });

  it("stores a time zone under its canonical name", () => {
    expect(canonicalTimeZone("US/Central")).toBe("America/Chicago");
    expect(canonicalTimeZone("america/new_york")).toBe("America/New_York");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    expect(canonicalTimeZone("Nowhere/Special")).toBeNull();
  });
});

describe("stored opening hours", () => {
  it("reads none as always open, whole weeks as they are, and anything else as unreadable", () => {
    expect(readStoredOpeningHours(null)).toBeNull();
    expect(readStoredOpeningHours(JSON.parse(JSON.stringify(STORE)))).toEqual(STORE);
    expect(readStoredOpeningHours({ ...STORE, monday: "garbled" })).toBeUndefined();
    expect(readStoredOpeningHours({ monday: null })).toBeUndefined();
    expect(readStoredOpeningHours([])).toBeUndefined();
  });
});

describe("the hours in a line", () => {
  it("groups consecutive days with the same hours", () => {
    expect(summariseOpeningHours(STORE)).toBe("Mon–Fri 10:00–21:00, Sat 10:00–18:00, Sun closed");
  });

  it("says always open, every day, or closed every day when the week is all alike", () => {
    const everyDay = (window: { open: string; close: string } | null): OpeningHours => ({
      monday: window,
      tuesday: window,
      wednesday: window,
      thursday: window,
      friday: window,
      saturday: window,
      sunday: window,
    });
    expect(summariseOpeningHours(null)).toBe("Always open");
    expect(summariseOpeningHours(everyDay({ open: "09:00", close: "17:00" }))).toBe("Every day 09:00–17:00");
    expect(summariseOpeningHours(everyDay(null))).toBe("Closed every day");
  });

  it("marks hours past midnight and does not join days apart", () => {
    expect(
      summariseOpeningHours({
        ...STORE,
        wednesday: null,
        friday: { open: "18:00", close: "02:00" },
        saturday: { open: "18:00", close: "02:00" },
      }),
    ).toBe("Mon–Tue 10:00–21:00, Wed closed, Thu 10:00–21:00, Fri–Sat 18:00–02:00 (next day), Sun closed");
  });
});

describe("the time zones to choose from", () => {
  it("lists each zone once, by name, with its offset at the time given", () => {
    const january = timeZoneOptions(
      ["UTC", "America/New_York", "Asia/Kolkata", "UTC"],
      new Date("2026-01-15T12:00:00Z"),
    );
    expect(january).toEqual([
      { value: "America/New_York", label: "America/New York (GMT-05:00)" },
      { value: "Asia/Kolkata", label: "Asia/Kolkata (GMT+05:30)" },
      { value: "UTC", label: "UTC (GMT+00:00)" },
    ]);
    const july = timeZoneOptions(["America/New_York"], new Date("2026-07-15T12:00:00Z"));
    expect(july[0]?.label).toBe("America/New York (GMT-04:00)");
  });
});
