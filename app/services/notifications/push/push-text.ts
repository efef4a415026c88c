import { smsTextFor, type SmsFacts, type SmsTexts } from "~/domain/notifications/sms-text";

/**
 * A push's words: headed by the shop's name, the step's text as the shop words it for SMS (a
 * short reminder naming the order and the store) without the pass link, which the tap opens
 * instead. Null when the step has no text.
 */
export function pushTextFor(
  step: string,
  facts: SmsFacts,
  texts: SmsTexts = {},
): { heading: string; body: string; url: string | null } | null {
  const text = smsTextFor(step, { ...facts, pickupPassUrl: null }, texts);
  if (text === null) return null;
  // The heading names the shop already: "Shop: your order …" reads "Your order …" under it.
  const prefix = `${facts.shopName}: `;
  const body = text.startsWith(prefix) ? capitalized(text.slice(prefix.length)) : text;
  return { heading: facts.shopName, body, url: facts.pickupPassUrl };
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
