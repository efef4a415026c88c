import { z } from "zod";
import { parseForm, type FieldErrors, type FormResult } from "../form-result";
import { canonicalTimeZone, DAY_NAMES, WEEK, type HoursField, type HoursForm, type HoursValues } from "./hours-form";
import { isTimeOfDay, type OpeningHours, type OpeningWindow, type Weekday } from "./opening-hours";

/**
 * Reads the opening hours form (hours-form.ts) into what routing stores, or field errors. A
 * closing time earlier than the opening time runs past midnight into the next day (22:00–02:00),
 * as isOpenAt reads it; a closing time equal to the opening time is refused, since it would say
 * neither "closed" nor a window.
 */

export type HoursErrors = FieldErrors<HoursField>;

const timeZoneField = z
  .string()
  .prefault("")
  .transform((name, context) => {
    const timeZone = canonicalTimeZone(name);
    if (timeZone === null) {
      context.addIssue({ code: "custom", message: "Choose a time zone from the list" });
      return z.NEVER;
    }
    return timeZone;
  });

/** When a ticked day opens or closes; empty asks for the time or for the day to be unticked. */
function timeField(day: Weekday, { opensOrCloses, example }: { opensOrCloses: "opens" | "closes"; example: string }) {
  const name = DAY_NAMES[day];
  return z
    .string()
    .trim()
    .min(1, `Enter when ${name} ${opensOrCloses}, or untick ${name}`)
    .refine(isTimeOfDay, `Enter a time from 00:00 to 23:59, like ${example}`)
    .prefault("");
}

/**
 * Set hours: the times of each day ticked open. A day left unticked is closed, and the times
 * still in its fields are neither read nor checked.
 */
function weeklyHoursSchema(openDays: readonly Weekday[]) {
  const times: Record<string, z.ZodType<string, string | undefined>> = Object.fromEntries(
    openDays.flatMap((day) => [
      [`${day}Opens`, timeField(day, { opensOrCloses: "opens", example: "09:30" })],
      [`${day}Closes`, timeField(day, { opensOrCloses: "closes", example: "21:00" })],
    ]),
  );
  return z
    .object({ hours: z.literal("weekly") })
    .extend(times)
    .superRefine((form, context) => {
      for (const day of openDays) {
        const close = form[`${day}Closes`];
        if (typeof close === "string" && isTimeOfDay(close) && close === form[`${day}Opens`]) {
          context.addIssue({
            code: "custom",
            path: [`${day}Closes`],
            message: "Enter a closing time different from the opening time",
          });
        }
      }
    })
    .transform((form) => {
      const window = (day: Weekday): OpeningWindow | null =>
        openDays.includes(day) ? { open: form[`${day}Opens`] ?? "", close: form[`${day}Closes`] ?? "" } : null;
      const openingHours: OpeningHours = {
        monday: window("monday"),
        tuesday: window("tuesday"),
        wednesday: window("wednesday"),
        thursday: window("thursday"),
        friday: window("friday"),
        saturday: window("saturday"),
        sunday: window("sunday"),
      };
      return { openingHours };
    });
}

/** The hours form's schema for the days ticked open (`${day}IsOpen` is "on"; absent or empty when not). */
export function hoursFormSchema(openDays: readonly Weekday[]) {
  return z
    .object({ timeZone: timeZoneField })
    .and(
      z.discriminatedUnion(
        "hours",
        [
          z.object({ hours: z.literal("always") }).transform(() => ({ openingHours: null })),
          weeklyHoursSchema(openDays),
        ],
        { error: "Choose always open or set the hours of each day" },
      ),
    );
}

/** The days the form ticks open. */
export function openDaysOf(form: HoursForm): Weekday[] {
  return WEEK.filter((day) => Boolean(form[`${day}IsOpen`]));
}

export function parseHoursForm(form: HoursForm): FormResult<HoursValues, HoursField> {
  return parseForm(hoursFormSchema(openDaysOf(form)), form);
}
