/**
 * What a Twilio error code means for the shop's SMS (shared/research/notifications.md, "Twilio"):
 * 21610 the shopper replied STOP (never text them again unasked); a bad or unreachable number
 * (try email instead, remember it); an account problem (unregistered 10DLC, unverified
 * toll-free, carrier filtering: the merchant must act, SMS pauses).
 */
export interface TwilioErrorMeaning {
  optedOut: boolean;
  badNumber: boolean;
  accountProblem: boolean;
}

export const OPTED_OUT_CODE = 21610;
// 21635 ("'To' number cannot be a landline") is what Twilio has answered since 2024 where 21211 or
// 21614 used to cover a landline (its changelog, "Updates to the error code dictionary").
const BAD_NUMBER_CODES = new Set([21211, 21614, 21635, 30005, 30006]);
// 20003 and 20404 too: the account's credentials are refused, or name no account.
const ACCOUNT_PROBLEM_CODES = new Set([30007, 30034, 30032, 20003, 20404]);

export function meaningOfTwilioError(code: number | null): TwilioErrorMeaning {
  return {
    optedOut: code === OPTED_OUT_CODE,
    badNumber: code !== null && BAD_NUMBER_CODES.has(code),
    accountProblem: code !== null && ACCOUNT_PROBLEM_CODES.has(code),
  };
}

/** Twilio's words for the codes a delivery ends with, for the order page ("Unknown destination handset"). */
const DESCRIPTIONS: Record<number, string> = {
  21211: "Invalid 'To' phone number",
  21610: "The shopper replied STOP: they get no more texts from this shop",
  21614: "The number is not a mobile number",
  21635: "The number is a landline",
  30001: "Queue overflow",
  30002: "Account suspended",
  30003: "Unreachable destination handset",
  30004: "Message blocked",
  30005: "Unknown destination handset",
  30006: "Landline or unreachable carrier",
  30007: "Message filtered by the carrier",
  30008: "Unknown error",
  30032: "Toll-free number not verified",
  30034: "Sender not registered for US A2P 10DLC",
};

export function describeTwilioError(code: number | null): string {
  if (code === null) return "Twilio gave no error code";
  return `${DESCRIPTIONS[code] ?? "Twilio error"} (${code})`;
}
