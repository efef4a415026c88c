import { type OpeningHours } from "../locations/opening-hours";
import { addDays, instantAt, localDateOf, minuteOfDay, weekdayOf, type LocalDate } from "../local-time";
import type { StoreSettings } from "./settings";
import { isOpenState, type StoreTaskKind, type StoreTaskState } from "./types";

/**
 * When a store task is due, and what its clock says now: late, not started, to escalate, not
 * collected. The time is always passed in.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Shopify's shortest local pickup promise, "Usually ready in 1 hour". */
export const DEFAULT_PREPARATION_MINUTES = 60;

/** How long a store works on orders, and when, as its due times need it. */
export interface LocationTiming {
  readonly timeZone: string;
  /** null: always open. */
  readonly openingHours: OpeningHours | null;
  /** Minutes of opening time a pickup order takes to prepare: the store works only while open. */
  readonly preparationMinutes: number;
  /** "HH:MM" in the location's zone: same-day local deliveries leave by then. null: none set. */
  readonly sameDayCutoff: string | null;
}

export interface DueTimeFacts {
  readonly kind: StoreTaskKind;
  readonly assignedAt: Date;
  /** The order's ready-by promise (a pickup time the shopper was given), when it has one. */
  readonly readyBy?: Date | null;
}

/** One stretch of opening time, [opens, closes). */
interface OpenSpell {
  readonly opens: number;
  readonly closes: number;
}

/** The stretch the store is open starting on `date`, or null when it is closed that day. */
function openSpellOn(date: LocalDate, hours: OpeningHours, timeZone: string): OpenSpell | null {
  const window = hours[weekdayOf(date)];
  if (!window) return null;
  const open = minuteOfDay(window.open);
  const close = minuteOfDay(window.close);
  if (open === null || close === null) return null;
  // A close at or before the open runs past midnight (opening-hours.ts).
  const closeMinute = close > open ? close : close + 24 * 60;
  return {
    opens: instantAt(date, open, timeZone).getTime(),
    closes: instantAt(date, closeMinute, timeZone).getTime(),
  };
}

/** Longer than any preparation time a store would promise, so a search always ends. */
const SEARCH_DAYS = 366;

/**
 * The instant `minutes` of opening time after `start`: time while the store is closed does not
 * count. Always open (no hours) counts every minute; so do hours that never open, rather than
 * leave an order with no due time.
 */
export function addOpenMinutes(start: Date, minutes: number, hours: OpeningHours | null, timeZone: string): Date {
  const plain = new Date(start.getTime() + minutes * MINUTE);
  if (!hours || Object.values(hours).every((window) => window === null)) return plain;
  let remaining = minutes * MINUTE;
  let cursor = start.getTime();
  // Yesterday's spell may run past midnight into today.
  const firstDay = addDays(localDateOf(start, timeZone), -1);
  for (let day = 0; day < SEARCH_DAYS; day++) {
    const spell = openSpellOn(addDays(firstDay, day), hours, timeZone);
    if (!spell || spell.closes <= cursor) continue;
    const from = Math.max(spell.opens, cursor);
    if (remaining <= spell.closes - from) return new Date(from + remaining);
    remaining -= spell.closes - from;
    cursor = spell.closes;
  }
  return plain;
}

/**
 * When a pickup order the store starts on at `assignedAt` is ready: its preparation time counted
 * in opening hours. The store task's due time and the shopper's pickup promise
 * (app/domain/pickup-promise) both come from here, so what the shopper is told is what the store
 * works to.
 */
export function pickupReadyAt(
  assignedAt: Date,
  location: Pick<LocationTiming, "timeZone" | "openingHours" | "preparationMinutes">,
): Date {
  return addOpenMinutes(assignedAt, location.preparationMinutes, location.openingHours, location.timeZone);
}

/**
 * The cut-off of the day of `assignedAt` in the location's zone; when that has passed, or the
 * store is closed that day, the next day the store opens (the order goes out on that day's run).
 */
function sameDayCutoffAfter(assignedAt: Date, location: LocationTiming, cutoffMinute: number): Date | null {
  const today = localDateOf(assignedAt, location.timeZone);
  for (let day = 0; day <= 7; day++) {
    const date = addDays(today, day);
    if (location.openingHours && !location.openingHours[weekdayOf(date)]) continue;
    const cutoff = instantAt(date, cutoffMinute, location.timeZone);
    if (cutoff > assignedAt) return cutoff;
  }
  return null;
}

/**
 * When the task is due done by the store:
 * - pickup: the order's ready-by promise when it has one, else the location's preparation time
 *   counted in opening hours from assignment;
 * - local delivery: the same-day cut-off (see sameDayCutoffAfter); without a cut-off, or a store
 *   that never opens, the preparation time as for pickup;
 * - ship from store: the ship SLA in hours from assignment.
 */
export function dueAtFor(
  facts: DueTimeFacts,
  location: LocationTiming,
  settings: Pick<StoreSettings, "shipSlaHours">,
): Date {
  const preparation = () => pickupReadyAt(facts.assignedAt, location);
  switch (facts.kind) {
    case "PICKUP":
      return facts.readyBy ?? preparation();
    case "LOCAL_DELIVERY": {
      const cutoffMinute = location.sameDayCutoff === null ? null : minuteOfDay(location.sameDayCutoff);
      const cutoff = cutoffMinute === null ? null : sameDayCutoffAfter(facts.assignedAt, location, cutoffMinute);
      return cutoff ?? preparation();
    }
    case "SHIP":
      return new Date(facts.assignedAt.getTime() + settings.shipSlaHours * HOUR);
  }
}

/** What the clock needs to know of a task. */
export interface TaskClock {
  readonly kind: StoreTaskKind;
  readonly state: StoreTaskState;
  readonly assignedAt: Date;
  readonly dueAt: Date | null;
  /** When it became ready for pickup. */
  readonly readyAt?: Date | null;
  /** When the shopper said "I'm here". */
  readonly customerWaitingAt?: Date | null;
}

/** States in which the store's part is done: the order is ready, gone, or no longer the store's. */
const STORE_PART_DONE: readonly StoreTaskState[] = [
  "READY",
  "PICKED_UP",
  "SHIPPED",
  "OUT_FOR_DELIVERY",
  "DELIVERED",
  "CANCELLED",
];

/** Past its due time with the store's part not done (a pickup order is on time once ready). */
export function isLate(task: TaskClock, now: Date): boolean {
  return task.dueAt !== null && now > task.dueAt && !STORE_PART_DONE.includes(task.state);
}

/** The shopper is at the store ("I'm here") and the order has not been handed over. */
export function isCustomerWaiting(task: TaskClock): boolean {
  return Boolean(task.customerWaitingAt) && isOpenState(task.state);
}

/**
 * A pickup order ready for `days` (counted as 24-hour days) and not collected: the store's
 * uncollected list and the auto-cancel policy (app/domain/notifications) both ask this.
 */
export function isUncollected(task: Pick<TaskClock, "kind" | "state" | "readyAt">, days: number, now: Date): boolean {
  return (
    task.kind === "PICKUP" &&
    task.state === "READY" &&
    Boolean(task.readyAt) &&
    now.getTime() - (task.readyAt ?? now).getTime() >= days * DAY
  );
}

export interface TaskAlerts {
  readonly late: boolean;
  /** Still new more than notStartedMinutes after assignment. */
  readonly notStarted: boolean;
  /** Escalation is on and the task is still new within minutesBeforeDue of its due time, or past it. */
  readonly escalate: boolean;
  /** A pickup order ready for uncollectedDays (counted as 24-hour days) and not collected. */
  readonly uncollected: boolean;
  readonly customerWaiting: boolean;
  /** The POS tile turns critical: late, not started or a customer waiting. */
  readonly critical: boolean;
}

export function taskAlerts(
  task: TaskClock,
  settings: Pick<StoreSettings, "notStartedMinutes" | "escalation" | "uncollectedDays">,
  now: Date,
): TaskAlerts {
  const elapsed = (since: Date) => now.getTime() - since.getTime();
  const late = isLate(task, now);
  const isNew = task.state === "NEW";
  const notStarted = isNew && elapsed(task.assignedAt) > settings.notStartedMinutes * MINUTE;
  const escalate =
    settings.escalation.enabled &&
    isNew &&
    task.dueAt !== null &&
    now.getTime() >= task.dueAt.getTime() - settings.escalation.minutesBeforeDue * MINUTE;
  const uncollected = isUncollected(task, settings.uncollectedDays, now);
  const customerWaiting = isCustomerWaiting(task);
  return { late, notStarted, escalate, uncollected, customerWaiting, critical: late || notStarted || customerWaiting };
}
