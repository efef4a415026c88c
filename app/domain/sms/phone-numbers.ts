import { isSupportedCountry, parsePhoneNumberFromString } from "libphonenumber-js/max";

/**
 * Shoppers' phone numbers as Twilio takes them: E.164 ("+13125550123"), from whatever a checkout,
 * a customer record or an address holds ("(312) 555-0123", "312.555.0123", "+44 20 7946 0958").
 * A number that does not parse or is not valid for its country is no number: texting it would
 * only earn error 21211 and cost the send.
 */

/** E.164 of `raw` read in `defaultCountry` (ISO 3166 alpha-2) unless it names its own; null when not valid. */
export function toE164(raw: string | null | undefined, defaultCountry: string | null | undefined): string | null {
  const text = raw?.trim() ?? "";
  // Longer than any phone number with its punctuation: not worth parsing.
  if (text === "" || text.length > 40) return null;
  const country = defaultCountry?.toUpperCase();
  const parsed =
    country && isSupportedCountry(country)
      ? parsePhoneNumberFromString(text, country)
      : parsePhoneNumberFromString(text);
  return parsed?.isValid() ? parsed.number : null;
}

export type SmsNumberSource = "ORDER" | "CUSTOMER" | "SHIPPING_ADDRESS" | "BILLING_ADDRESS";

/** A phone an order carries, and the country to read it in when it has no country code. */
export interface PhoneCandidate {
  phone: string | null | undefined;
  countryCode?: string | null;
}

export interface OrderPhones {
  order?: PhoneCandidate;
  customer?: PhoneCandidate;
  shippingAddress?: PhoneCandidate;
  billingAddress?: PhoneCandidate;
}

/** The order of preference: what the shopper typed for this order first, then their record, then the addresses. */
export const SMS_NUMBER_PREFERENCE: readonly SmsNumberSource[] = [
  "ORDER",
  "CUSTOMER",
  "SHIPPING_ADDRESS",
  "BILLING_ADDRESS",
];

const candidateOf: Record<SmsNumberSource, keyof OrderPhones> = {
  ORDER: "order",
  CUSTOMER: "customer",
  SHIPPING_ADDRESS: "shippingAddress",
  BILLING_ADDRESS: "billingAddress",
};

/**
 * The number to text for an order: the first valid one in preference order, each read in its
 * own country (an address's) or else the shop's; null when none is valid.
 */
export function smsNumberForOrder(
  phones: OrderPhones,
  shopCountry: string | null,
): { phone: string; source: SmsNumberSource } | null {
  for (const source of SMS_NUMBER_PREFERENCE) {
    const candidate = phones[candidateOf[source]];
    const phone = toE164(candidate?.phone, candidate?.countryCode ?? shopCountry);
    if (phone) return { phone, source };
  }
  return null;
}
