import { addDays, instantAt, localClock, localDateOf, minuteOfDay } from "../local-time";
import type { MessageKind } from "./steps";

/**
 * When a customer message may go out: inside its kind's sending window on the recipient's wall
 * clock, else at the next opening of that window. Wall clock and instants come from
 * app/domain/local-time, so a change of clock moves the window's instant, not its local time.
 */

/** "HH:MM" local; sending is allowed from `start` up to, not including, `end` (same day). */
export interface SendingWindow {
  readonly start: string;
  readonly end: string;
}

export type SendingWindows = Readonly<Record<MessageKind, SendingWindow>>;

/**
 * Nudges (reminders, push, feedback) 09:00–20:00; event messages (ready, delay, store changed)
 * 08:00–21:00, the TCPA's hours for marketing, kept for transactional texts too.
 */
export const DEFAULT_SENDING_WINDOWS: SendingWindows = Object.freeze({
  EVENT: Object.freeze({ start: "08:00", end: "21:00" }),
  NUDGE: Object.freeze({ start: "09:00", end: "20:00" }),
});

function minutesOf(time: string): number {
  const minute = minuteOfDay(time);
  if (minute === null) throw new Error(`Not a time of day: ${time}`);
  return minute;
}

/**
 * The earliest instant at or after `desired` inside the `kind` window in `timeZone`: `desired`
 * itself when it falls inside; the window's opening that day when it is earlier; the next day's
 * opening when it is later.
 */
export function nextSendableAt(
  desired: Date,
  kind: MessageKind,
  timeZone: string,
  windows: SendingWindows = DEFAULT_SENDING_WINDOWS,
): Date {
  const window = windows[kind];
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  const { minute } = localClock(desired, timeZone);
  if (minute >= start && minute < end) return desired;
  const today = localDateOf(desired, timeZone);
  const opening = instantAt(minute < start ? today : addDays(today, 1), start, timeZone);
  // An opening the spring change pushes past `desired` is still later; never send earlier.
  return opening > desired ? opening : desired;
}
