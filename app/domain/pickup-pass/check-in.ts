import { z } from "zod";
import { parseForm, type FormResult } from "../form-result";
import { isStillToCollect, type PassStatus } from "./pickup-pass";

/**
 * The shopper's "I'm here" (curbside): the form they send, how often they may send it, and when
 * it is refused.
 */

/** What the pass's form posts: the store they are at, and optionally where they parked. */
export interface CheckInForm {
  locationId?: string;
  spot?: string;
}

export const SPOT_MAX_CHARACTERS = 60;

/** Check-ins a task takes in CHECK_IN_WINDOW_MINUTES; one more is refused until older ones age out. */
export const CHECK_IN_LIMIT = 5;
export const CHECK_IN_WINDOW_MINUTES = 10;

/**
 * The spot as the associate will read it on POS ("Customer waiting — spot 4"): line breaks and
 * tabs become spaces, invisible formatting characters (which could reorder the text an associate
 * reads) are dropped, a leading "Spot" or "#" the shopper typed is not repeated.
 */
export function normaliseSpot(typed: string): string {
  return typed
    .replace(/[\p{Cc}\s]+/gu, " ")
    .replace(/[\p{Cf}]/gu, (character) => (character === "\u200d" ? character : ""))
    .trim()
    .replace(/^spot\b\s*[:#]?\s*/i, "")
    .replace(/^#\s*/, "")
    .trim();
}

const checkInSchema = z.object({
  locationId: z.string({ error: "Choose the store you are at" }).regex(/^\d{1,20}$/, "Choose the store you are at"),
  spot: z
    .string()
    .optional()
    .transform((typed) => normaliseSpot(typed ?? ""))
    .refine((spot) => [...spot].length <= SPOT_MAX_CHARACTERS, {
      error: `Keep it to ${SPOT_MAX_CHARACTERS} characters, like "Spot 4" or "Red Honda"`,
    })
    .transform((spot) => (spot === "" ? null : spot)),
});

export type CheckIn = z.output<typeof checkInSchema>;

export function parseCheckInForm(form: CheckInForm): FormResult<CheckIn, keyof CheckInForm> {
  return parseForm(checkInSchema, form);
}

export function isOverCheckInLimit(checkInsInWindow: number): boolean {
  return checkInsInWindow >= CHECK_IN_LIMIT;
}

export const CHECK_IN_LIMIT_MESSAGE = `You have told the store you are here ${CHECK_IN_LIMIT} times in the last ${CHECK_IN_WINDOW_MINUTES} minutes. They know: please wait a few minutes before changing your spot again.`;

export type CheckInRefusalReason = "NOT_HERE" | "COLLECTED" | "MOVED" | "CANCELLED";

/**
 * Why the shopper cannot check in at a store, from the statuses of the order's pickups there;
 * null when one of them is still to collect.
 */
export function checkInRefusal(
  statusesAtStore: readonly PassStatus[],
): { reason: CheckInRefusalReason; message: string } | null {
  if (statusesAtStore.length === 0) {
    return { reason: "NOT_HERE", message: "This order is not for pickup at that store" };
  }
  if (statusesAtStore.some(isStillToCollect)) return null;
  if (statusesAtStore.every((status) => status === "COLLECTED")) {
    return { reason: "COLLECTED", message: "This order has already been collected" };
  }
  if (statusesAtStore.includes("MOVED")) {
    return { reason: "MOVED", message: "This order has moved to another store: check in there when you arrive" };
  }
  return { reason: "CANCELLED", message: "This order was cancelled, so there is nothing to collect" };
}
