import type { Prisma, PrismaClient } from "@prisma/client";
import { describeTwilioError, meaningOfTwilioError } from "~/integrations/twilio/twilio-errors";
import { recordSmsUndeliverableNumber } from "~/models/sms-undeliverable.server";
import { fallBackToNextChannel, type FallbackOptions, type FallbackOutcome } from "../fallback.server";

/**
 * A text Twilio could not deliver, by a code that says the number cannot take it: a landline
 * (30006, 21635), an invalid number (21211), not a mobile (21614), a number no longer in service
 * (30005). The number is remembered for the shop (the sender and the planner pass it over from
 * then on) and the message goes by the step's next channel. A handset that is off or out of
 * coverage (30003) is usually back within hours: that message falls back too, but the number is
 * texted again next time.
 */

/** Twilio's "Unreachable destination handset": the device is off or has no signal, for now. */
const UNREACHABLE_FOR_NOW = 30003;

export type UndeliverableText = "REMEMBER_AND_FALL_BACK" | "FALL_BACK";

/** What a text that failed with `code` means for its number and its message; null when it is neither. */
export function undeliverableText(code: number | null): UndeliverableText | null {
  if (meaningOfTwilioError(code).badNumber) return "REMEMBER_AND_FALL_BACK";
  return code === UNREACHABLE_FOR_NOW ? "FALL_BACK" : null;
}

/** The order page's words for a text that could not reach the shopper. */
export function undeliverableByTextReason(code: number | null): string {
  return `Undeliverable by text: ${describeTwilioError(code)}`;
}

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * The shop's text `notificationId` to `phone` failed with `code`: remembers a bad number and falls
 * the message back to its next channel. Null (and nothing done) for a code that says neither.
 */
export async function textDidNotReachShopper(
  db: Db,
  text: { shop: string; notificationId: string; phone: string; code: number | null },
  now: Date,
  options: FallbackOptions = {},
): Promise<FallbackOutcome | null> {
  const meaning = undeliverableText(text.code);
  if (!meaning) return null;
  // The number remembered and the message fallen back together, or neither.
  if ("$transaction" in db) return db.$transaction((tx) => textDidNotReachShopper(tx, text, now, options));
  if (meaning === "REMEMBER_AND_FALL_BACK" && text.code !== null) {
    await recordSmsUndeliverableNumber(db, text.shop, text.phone, text.code, now);
  }
  return fallBackToNextChannel(
    db,
    { shop: text.shop, notificationId: text.notificationId },
    undeliverableByTextReason(text.code),
    now,
    options,
  );
}
