import type { OpeningHours } from "../locations/opening-hours";
import { addDays, localDateOf, minuteOfDay, weekdayOf, zonedFormatter, type LocalDate } from "../local-time";
import { isOpenState, type EndedReason, type StoreTaskState } from "../store-tasks/types";

/**
 * The shopper's pickup pass: what each of the order's pickup tasks means to the shopper, when
 * the pass stops opening, and the store's hours and ready-by time as the shopper reads them.
 */

export type PassStatus = "PREPARING" | "READY" | "COLLECTED" | "CANCELLED" | "MOVED";

/** How long a pass still opens (showing "Collected" or "Cancelled") after the order's last pickup ended. */
export const PASS_DAYS_AFTER_PICKUP_ENDS = 30;

const DAY = 24 * 60 * 60_000;

export interface PassTaskFacts {
  readonly state: StoreTaskState;
  readonly endedReason: EndedReason | null;
}

export function passStatusOf(task: PassTaskFacts): PassStatus {
  if (task.state === "READY") return "READY";
  if (isOpenState(task.state)) return "PREPARING";
  if (task.state === "PICKED_UP") return "COLLECTED";
  // Marked picked up in Shopify's admin rather than on POS: the shopper has it all the same.
  if (task.endedReason === "FULFILLED_ELSEWHERE") return "COLLECTED";
  if (task.endedReason === "MOVED_AWAY") return "MOVED";
  return "CANCELLED";
}

/** Whether the shopper can still do something at the store: collect it, or say they are here. */
export function isStillToCollect(status: PassStatus): boolean {
  return status === "PREPARING" || status === "READY";
}

export interface PassLifeFacts extends PassTaskFacts {
  readonly completedAt: Date | null;
  readonly endedAt: Date | null;
  /** When the row last changed: the end of a task that ended without recording when. */
  readonly updatedAt: Date;
}

/**
 * A pass opens while any of the order's pickups is still to collect, and for
 * PASS_DAYS_AFTER_PICKUP_ENDS after the last one ended; an order with no pickup has none.
 */
export function passIsLive(tasks: readonly PassLifeFacts[], now: Date): boolean {
  if (tasks.length === 0) return false;
  if (tasks.some((task) => isStillToCollect(passStatusOf(task)))) return true;
  const lastEnd = Math.max(...tasks.map((task) => (task.completedAt ?? task.endedAt ?? task.updatedAt).getTime()));
  return now.getTime() < lastEnd + PASS_DAYS_AFTER_PICKUP_ENDS * DAY;
}

/** The first word of the name the order gives ("Ana María de la Cruz" → "Ana"): all the pass shows of it. */
export function firstNameOf(customerName: string | null): string | null {
  const first = (customerName ?? "").trim().split(/\s+/)[0];
  return first ? first : null;
}

/** "21:00" → "9:00 PM", as a US shopper reads a store's hours. */
export function clockTime(time: string): string {
  const minute = minuteOfDay(time);
  if (minute === null) return time;
  const hour = Math.floor(minute / 60);
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${hour12}:${String(minute % 60).padStart(2, "0")} ${hour < 12 ? "AM" : "PM"}`;
}

/**
 * The store's hours on the day `now` falls on in its zone: "10:00 AM – 9:00 PM", "Closed today",
 * "Open 24 hours" when it has no hours (always open); null when its hours cannot be read.
 */
export function hoursToday(hours: OpeningHours | null | "UNREADABLE", timeZone: string, now: Date): string | null {
  if (hours === "UNREADABLE") return null;
  if (hours === null) return "Open 24 hours";
  const today = hours[weekdayOf(localDateOf(now, timeZone))];
  return today ? `${clockTime(today.open)} – ${clockTime(today.close)}` : "Closed today";
}

const sameDate = (a: LocalDate, b: LocalDate) => a.year === b.year && a.month === b.month && a.day === b.day;

/**
 * When the order will be ready, in the store's zone: "4:00 PM today", "10:30 AM tomorrow",
 * "Sat, Nov 28, 10:30 AM"; null once that time has passed (the store is still on it, and a time
 * in the past tells the shopper nothing).
 */
export function readyByText(dueAt: Date | null, timeZone: string, now: Date): string | null {
  if (!dueAt || dueAt <= now) return null;
  const time = zonedFormatter("pass-clock", timeZone, { hour: "numeric", minute: "2-digit", hour12: true }).format(
    dueAt,
  );
  const day = localDateOf(dueAt, timeZone);
  const today = localDateOf(now, timeZone);
  if (sameDate(day, today)) return `${time} today`;
  if (sameDate(day, addDays(today, 1))) return `${time} tomorrow`;
  const date = zonedFormatter("pass-date", timeZone, { weekday: "short", month: "short", day: "numeric" }).format(
    dueAt,
  );
  return `${date}, ${time}`;
}
