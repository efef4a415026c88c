/**
 * The keywords a shopper texts to a shop's number, as Twilio's default opt-out handling reads
 * them: the whole message, trimmed, in any case. Twilio says which it saw in `OptOutType`; these
 * are for a number without Advanced Opt-Out, where only the text tells.
 */
export type SmsKeyword = "STOP" | "START" | "HELP";

const KEYWORDS: Record<SmsKeyword, readonly string[]> = {
  STOP: ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"],
  START: ["START", "YES", "UNSTOP"],
  HELP: ["HELP", "INFO"],
};

export function smsKeywordOf(body: string, optOutType?: string | null): SmsKeyword | null {
  const stated = optOutType?.trim().toUpperCase();
  if (stated === "STOP" || stated === "START" || stated === "HELP") return stated;
  const word = body.trim().toUpperCase();
  for (const keyword of ["STOP", "START", "HELP"] as const) {
    if (KEYWORDS[keyword].includes(word)) return keyword;
  }
  return null;
}

/** What a HELP text is answered with when the shop wrote nothing of its own. */
export function defaultSmsHelpText(shopName: string): string {
  return `${shopName}: texts about your orders. Reply STOP to opt out, START to opt back in. Msg & data rates may apply.`;
}
