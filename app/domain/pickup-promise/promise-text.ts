import type { OpeningHours } from "../locations/opening-hours";
import { addDays, localClock, localDateOf, weekdayOf, type LocalDate } from "../local-time";
import { clockTime } from "../pickup-pass/pickup-pass";
import type { LineStock, NotTodayReason, ReadyDay } from "./types";

/**
 * The promise as the shopper reads it, in the store's time zone, in the 12-hour English the rest
 * of the app's shopper pages use (pickup-pass.ts clockTime).
 */

const DAY = 24 * 60 * 60_000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

const twoDigits = (value: number) => String(value).padStart(2, "0");

/** "4:00 PM": the wall clock at `at` in `timeZone`. */
export function wallClockTime(at: Date, timeZone: string): string {
  const { minute } = localClock(at, timeZone);
  return clockTime(`${twoDigits(Math.floor(minute / 60))}:${twoDigits(minute % 60)}`);
}

function daysFrom(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / DAY);
}

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** A day within the coming week goes by its weekday ("Friday"); one further by its date ("Fri, Dec 4"). */
const FURTHER_THAN_A_WEEK = 7;

/**
 * "Ready today by 4:00 PM" (the store is on it; by then at the latest), "Ready tomorrow from
 * 10:00 AM", "Ready Friday from 10:00 AM", "Ready Fri, Dec 11 from 10:00 AM" (from then on).
 */
export function readyHeadline(readyBy: Date, now: Date, timeZone: string): { day: ReadyDay; headline: string } {
  const time = wallClockTime(readyBy, timeZone);
  const date = localDateOf(readyBy, timeZone);
  const days = daysFrom(localDateOf(now, timeZone), date);
  if (days <= 0) return { day: "TODAY", headline: `Ready today by ${time}` };
  if (days === 1) return { day: "TOMORROW", headline: `Ready tomorrow from ${time}` };
  const weekday = capitalised(weekdayOf(date));
  if (days < FURTHER_THAN_A_WEEK) return { day: "LATER", headline: `Ready ${weekday} from ${time}` };
  return { day: "LATER", headline: `Ready ${weekday.slice(0, 3)}, ${MONTHS[date.month - 1]} ${date.day} from ${time}` };
}

export interface NoteFacts {
  readonly day: ReadyDay;
  readonly notToday: NotTodayReason | null;
  readonly openingHours: OpeningHours | null;
  readonly timeZone: string;
  /** The order cut-off as "HH:MM", when one is set. */
  readonly orderCutoff: string | null;
  readonly now: Date;
}

/**
 * Why the order is not ready today, when the shopper would wonder: "Fully booked today", "Order by
 * 3:00 PM for same-day pickup", "Closed today", "Closed today and tomorrow"; null when it is ready
 * today, or when the reason is only that the preparation runs past closing.
 */
export function readyNote(facts: NoteFacts): string | null {
  if (facts.day === "TODAY") return null;
  const today = localDateOf(facts.now, facts.timeZone);
  const closedOn = (date: LocalDate) => facts.openingHours !== null && facts.openingHours[weekdayOf(date)] === null;
  const closedTomorrow = facts.day === "LATER" && closedOn(addDays(today, 1));
  let todayPart: string | null = null;
  if (facts.notToday === "FULLY_BOOKED") todayPart = "Fully booked today";
  else if (facts.notToday === "PAST_CUTOFF" && facts.orderCutoff !== null) {
    todayPart = `Order by ${clockTime(facts.orderCutoff)} for same-day pickup`;
  } else if (closedOn(today)) todayPart = "Closed today";
  if (todayPart === "Closed today" && closedTomorrow) return "Closed today and tomorrow";
  if (todayPart && closedTomorrow) return `${todayPart}; closed tomorrow`;
  return todayPart ?? (closedTomorrow ? "Closed tomorrow" : null);
}

/**
 * Why a location's stock cannot serve the cart: "Only 1 of 2 items in stock here" (items are the
 * cart's distinct products), "Only 1 of 2 in stock here" for a cart of one item, "Not in stock
 * here"; null when every item is in stock.
 */
export function shortfallText(lines: readonly LineStock[]): string | null {
  const served = lines.filter((line) => line.enough).length;
  if (served === lines.length) return null;
  const [only] = lines;
  if (lines.length === 1 && only && only.available > 0 && only.available < only.quantity) {
    return `Only ${only.available} of ${only.quantity} in stock here`;
  }
  if (served === 0) return lines.length === 1 ? "Not in stock here" : `None of the ${lines.length} items in stock here`;
  return `Only ${served} of ${lines.length} items in stock here`;
}

/** "0.8 mi", as the checkout names a nearby store. */
export function milesText(miles: number): string {
  return `${miles.toFixed(1)} mi`;
}
