/**
 * How many SMS segments a body takes, as carriers (and Twilio's `num_segments`) count them:
 * GSM-7 text fits 160 septets in one segment or 153 per segment when concatenated; anything
 * outside GSM-7 goes as UCS-2, 70 code units alone or 67 per concatenated segment.
 */
const GSM7_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/** Characters sent as an escape plus one septet, so they count twice. */
const GSM7_EXTENSION = "^{}\\[~]|€\f";

export type SmsEncoding = "GSM-7" | "UCS-2";

export function smsEncoding(body: string): SmsEncoding {
  for (const character of body) {
    if (!GSM7_BASIC.includes(character) && !GSM7_EXTENSION.includes(character)) return "UCS-2";
  }
  return "GSM-7";
}

export function smsSegmentCount(body: string): number {
  if (body.length === 0) return 1;
  if (smsEncoding(body) === "GSM-7") {
    let septets = 0;
    for (const character of body) septets += GSM7_EXTENSION.includes(character) ? 2 : 1;
    return septets <= 160 ? 1 : Math.ceil(septets / 153);
  }
  // UCS-2 counts UTF-16 code units: an emoji outside the BMP takes two.
  return body.length <= 70 ? 1 : Math.ceil(body.length / 67);
}
