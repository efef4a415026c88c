import { instantAt, localDateOf } from "../local-time";
import { medianSeconds, pickSeconds, scanAccuracy, tallyScan, type ScanOutcome, type ScanTally } from "./picking";
import type { StoreSettings } from "./settings";
import { isLate, taskAlerts } from "./timers";
import { isOpenState, STORE_TASK_STATES, type StoreTaskKind, type StoreTaskState } from "./types";

/**
 * A store's day as the merchant's Stores page shows it (tasks by state, late, pick and
 * collection times, exceptions, uncollected orders) and the staff leaderboard (picks, pick time,
 * scan accuracy). Pure: the tasks, events and the time are passed in.
 */

/** The store's day so far, midnight in its own zone to now. */
export interface StoreDay {
  readonly from: Date;
  readonly to: Date;
}

export function storeDayOf(now: Date, timeZone: string): StoreDay {
  return { from: instantAt(localDateOf(now, timeZone), 0, timeZone), to: now };
}

function within(at: Date | null, day: StoreDay): boolean {
  return at !== null && at >= day.from && at <= day.to;
}

/** What the figures need of a task. */
export interface TaskTimes {
  readonly kind: StoreTaskKind;
  readonly state: StoreTaskState;
  readonly assignedAt: Date;
  readonly dueAt: Date | null;
  readonly firstScanAt: Date | null;
  readonly packedAt: Date | null;
  readonly readyAt: Date | null;
  readonly completedAt: Date | null;
  readonly endedAt: Date | null;
}

export interface StoreDayFigures {
  /** Tasks on the day's board by state: every open one, and those finished or ended today. */
  readonly byState: Readonly<Record<StoreTaskState, number>>;
  readonly open: number;
  readonly late: number;
  /** Tasks packed today with a first scan, and their median pick time (first scan to packed). */
  readonly picks: number;
  readonly medianPickSeconds: number | null;
  /** Pickup orders collected today, and their median time from ready to collected. */
  readonly collected: number;
  readonly medianReadyToCollectedSeconds: number | null;
  /** Lines reported not found or damaged today. */
  readonly exceptions: number;
  /** Pickup orders ready for the settings' uncollected days and not collected. */
  readonly uncollected: number;
}

function noStates(): Record<StoreTaskState, number> {
  return Object.fromEntries(STORE_TASK_STATES.map((state) => [state, 0])) as Record<StoreTaskState, number>;
}

/** The day's figures of one store's tasks; `exceptionReports` are the day's exception reports there. */
export function storeDayFigures(
  tasks: readonly TaskTimes[],
  exceptionReports: number,
  settings: Pick<StoreSettings, "notStartedMinutes" | "escalation" | "uncollectedDays">,
  day: StoreDay,
): StoreDayFigures {
  const byState = noStates();
  const pickTimes: number[] = [];
  const collectTimes: number[] = [];
  let open = 0;
  let late = 0;
  let uncollected = 0;
  for (const task of tasks) {
    const isOpen = isOpenState(task.state);
    if (isOpen || within(task.completedAt, day) || within(task.endedAt, day)) byState[task.state] += 1;
    if (isOpen) {
      open += 1;
      if (isLate(task, day.to)) late += 1;
      if (taskAlerts(task, settings, day.to).uncollected) uncollected += 1;
    }
    const pick = within(task.packedAt, day) ? pickSeconds(task.firstScanAt, task.packedAt) : null;
    if (pick !== null) pickTimes.push(pick);
    if (task.state === "PICKED_UP" && within(task.completedAt, day)) {
      const collect = pickSeconds(task.readyAt, task.completedAt);
      if (collect !== null) collectTimes.push(collect);
    }
  }
  return {
    byState,
    open,
    late,
    picks: pickTimes.length,
    medianPickSeconds: medianSeconds(pickTimes),
    collected: collectTimes.length,
    medianReadyToCollectedSeconds: medianSeconds(collectTimes),
    exceptions: exceptionReports,
    uncollected,
  };
}

/** A staff member's event that counts on the leaderboard. */
export type StaffEvent =
  | {
      readonly kind: "PACKED";
      readonly staffMemberId: string;
      readonly at: Date;
      /** The task's first scan, from which its pick time runs. */
      readonly firstScanAt: Date | null;
    }
  | { readonly kind: "SCAN"; readonly staffMemberId: string; readonly outcome: ScanOutcome };

export interface StaffStanding {
  readonly staffMemberId: string;
  /** Tasks they packed. */
  readonly picks: number;
  readonly medianPickSeconds: number | null;
  readonly rightScans: number;
  readonly wrongScans: number;
  /** 0–1; null before any scan. */
  readonly scanAccuracy: number | null;
}

/**
 * Each staff member's picks, median pick time and scan accuracy: most picks first, then the
 * faster median, then the more accurate.
 */
export function staffLeaderboard(events: readonly StaffEvent[]): StaffStanding[] {
  const byStaff = new Map<string, { pickTimes: number[]; picks: number; tally: ScanTally }>();
  for (const event of events) {
    let entry = byStaff.get(event.staffMemberId);
    if (!entry) {
      entry = { pickTimes: [], picks: 0, tally: { rightScans: 0, wrongScans: 0 } };
      byStaff.set(event.staffMemberId, entry);
    }
    if (event.kind === "SCAN") {
      entry.tally = tallyScan(entry.tally, event.outcome);
      continue;
    }
    entry.picks += 1;
    const seconds = pickSeconds(event.firstScanAt, event.at);
    if (seconds !== null) entry.pickTimes.push(seconds);
  }
  const standings = [...byStaff.entries()].map(([staffMemberId, entry]) => ({
    staffMemberId,
    picks: entry.picks,
    medianPickSeconds: medianSeconds(entry.pickTimes),
    ...entry.tally,
    scanAccuracy: scanAccuracy(entry.tally),
  }));
  const slowest = Number.POSITIVE_INFINITY;
  return standings.sort(
    (a, b) =>
      b.picks - a.picks ||
      (a.medianPickSeconds ?? slowest) - (b.medianPickSeconds ?? slowest) ||
      (b.scanAccuracy ?? -1) - (a.scanAccuracy ?? -1) ||
      a.staffMemberId.localeCompare(b.staffMemberId),
  );
}
