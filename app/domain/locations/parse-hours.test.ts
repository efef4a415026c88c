import { describe, expect, it } from "vitest";
import { hoursFormOf, type HoursForm } from "./hours-form";
import { isOpenAt, type OpeningHours } from "./opening-hours";
import { parseHoursForm } from "./parse-hours";

const WEEKDAYS_10_TO_21: HoursForm = {
  timeZone: "America/Chicago",
  hours: "weekly",
  mondayIsOpen: "on",
  mondayOpens: "10:00",
  mondayCloses: "21:00",
  tuesdayIsOpen: "on",
  tuesdayOpens: "10:00",
  tuesdayCloses: "21:00",
  wednesdayIsOpen: "on",
  wednesdayOpens: "10:00",
  wednesdayCloses: "21:00",
  thursdayIsOpen: "on",
  thursdayOpens: "10:00",
  thursdayCloses: "21:00",
  fridayIsOpen: "on",
  fridayOpens: "10:00",
  fridayCloses: "21:00",
  saturdayIsOpen: "on",
  saturdayOpens: "10:00",
  saturdayCloses: "18:00",
  // Closed on Sunday: the box is unticked, so the browser posts no sundayIsOpen; the times stay.
  sundayOpens: "11:00",
  sundayCloses: "17:00",
};

const STORE: OpeningHours = {
  monday: { open: "10:00", close: "21:00" },
  tuesday: { open: "10:00", close: "21:00" },
  wednesday: { open: "10:00", close: "21:00" },
  thursday: { open: "10:00", close: "21:00" },
  friday: { open: "10:00", close: "21:00" },
  saturday: { open: "10:00", close: "18:00" },
  sunday: null,
};

describe("the opening hours form", () => {
  it("reads the hours of each day, with an unticked day closed", () => {
    expect(parseHoursForm(WEEKDAYS_10_TO_21)).toEqual({
      ok: true,
      values: { timeZone: "America/Chicago", openingHours: STORE },
    });
  });

  it("stores always open as no hours at all, whatever the days say", () => {
    expect(parseHoursForm({ ...WEEKDAYS_10_TO_21, hours: "always", mondayOpens: "garbage" })).toEqual({
      ok: true,
      values: { timeZone: "America/Chicago", openingHours: null },
    });
  });

  it("takes hours past midnight as closing the next day, as routing reads them", () => {
    const parsed = parseHoursForm({ ...WEEKDAYS_10_TO_21, fridayOpens: "22:00", fridayCloses: "02:00" });
    expect(parsed.ok && parsed.values.openingHours?.friday).toEqual({ open: "22:00", close: "02:00" });
    // Saturday 01:30 in Chicago is still Friday night's opening.
    expect(parsed.ok && isOpenAt(parsed.values.openingHours, "America/Chicago", new Date("2026-11-28T07:30:00Z"))).toBe(
      true,
    );
  });

  it("names each time to fix: malformed, out of range, missing, or closing as it opens", () => {
    expect(
      parseHoursForm({
        ...WEEKDAYS_10_TO_21,
        mondayOpens: "9am",
        tuesdayCloses: "24:00",
        wednesdayOpens: "",
        thursdayOpens: "10:00",
        thursdayCloses: "10:00",
        fridayOpens: "10:60",
      }),
    ).toEqual({
      ok: false,
      errors: {
        mondayOpens: "Enter a time from 00:00 to 23:59, like 09:30",
        tuesdayCloses: "Enter a time from 00:00 to 23:59, like 21:00",
        wednesdayOpens: "Enter when Wednesday opens, or untick Wednesday",
        thursdayCloses: "Enter a closing time different from the opening time",
        fridayOpens: "Enter a time from 00:00 to 23:59, like 09:30",
      },
    });
  });

  it("reads times as typed around spaces, and asks for both times of a ticked day left blank", () => {
    const parsed = parseHoursForm({ ...WEEKDAYS_10_TO_21, mondayOpens: " 09:00 ", mondayCloses: "17:00 " });
    expect(parsed.ok && parsed.values.openingHours?.monday).toEqual({ open: "09:00", close: "17:00" });
    expect(parseHoursForm({ ...WEEKDAYS_10_TO_21, sundayIsOpen: "on", sundayOpens: "", sundayCloses: " " })).toEqual({
      ok: false,
      errors: {
        sundayOpens: "Enter when Sunday opens, or untick Sunday",
        sundayCloses: "Enter when Sunday closes, or untick Sunday",
      },
    });
  });

  it("does not check the times of a closed day", () => {
    const parsed = parseHoursForm({ ...WEEKDAYS_10_TO_21, sundayOpens: "", sundayCloses: "nonsense" });
    expect(parsed.ok && parsed.values.openingHours?.sunday).toBeNull();
  });

  it("refuses an unknown time zone and a missing choice of hours", () => {
    expect(parseHoursForm({ ...WEEKDAYS_10_TO_21, timeZone: "Mars/Olympus_Mons", hours: undefined })).toEqual({
      ok: false,
      errors: {
        timeZone: "Choose a time zone from the list",
        hours: "Choose always open or set the hours of each day",
      },
    });
    expect(parseHoursForm({ hours: "always", timeZone: "" })).toEqual({
      ok: false,
      errors: { timeZone: "Choose a time zone from the list" },
    });
  });

  it("starts from the saved hours, and reads back what it saved", () => {
    const form = hoursFormOf(STORE, "America/Chicago");
    expect([form.hours, form.saturdayIsOpen, form.saturdayCloses, form.sundayIsOpen]).toEqual([
      "weekly",
      "on",
      "18:00",
      "",
    ]);
    expect(parseHoursForm(form)).toEqual({ ok: true, values: { timeZone: "America/Chicago", openingHours: STORE } });
  });
});
