import fs from "node:fs";
import { env } from "~/env.server";

/**
 * The time the customer cadence runs on (ADR 012). Real time, except in the demo, where a visitor
 * moves it forward ("+1 hour", "+1 day") to watch an order's messages come due: the demo writes
 * `{ "offsetMs": n }` to the file named by DEMO_CLOCK_FILE (refused in production), and every
 * cadence time (an event's, the sending job's now, the running-late scan's) is real time plus
 * that offset. Session tokens, pg-boss and Shopify's own times stay real.
 */

/** How long an offset read from the file is trusted: the sending job asks many times a second. */
export const CLOCK_FILE_CACHE_MS = 1000;

export interface NotificationClock {
  /** The cadence's now. */
  now(): Date;
  /** Where a moment of real time falls on the cadence's clock. */
  at(realTime: Date): Date;
  /** How far the cadence's clock is ahead of real time. */
  offsetMs(): number;
}

/** The offset the demo wrote, or 0 when the file is missing or not `{ "offsetMs": <finite number> }`. */
function readOffsetMs(file: string): number {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
    const offset = typeof parsed === "object" && parsed !== null ? (parsed as { offsetMs?: unknown }).offsetMs : 0;
    return typeof offset === "number" && Number.isFinite(offset) ? offset : 0;
  } catch {
    return 0;
  }
}

export function notificationClock(
  options: { file?: string | undefined; realNow?: () => number } = {},
): NotificationClock {
  // Read at each call, so a test that fakes Date moves this clock too.
  const realNow = options.realNow ?? (() => Date.now());
  const file = options.file;
  let cached = { offsetMs: 0, readAt: Number.NEGATIVE_INFINITY };
  const offsetMs = () => {
    if (!file) return 0;
    const now = realNow();
    if (now - cached.readAt >= CLOCK_FILE_CACHE_MS) cached = { offsetMs: readOffsetMs(file), readAt: now };
    return cached.offsetMs;
  };
  return {
    offsetMs,
    now: () => new Date(realNow() + offsetMs()),
    at: (realTime) => new Date(realTime.getTime() + offsetMs()),
  };
}

/** The app's notification clock: real time unless the demo moved it. */
export const cadenceClock: NotificationClock = notificationClock({ file: env.DEMO_CLOCK_FILE });
