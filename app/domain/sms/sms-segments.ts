/**
 * How many segments a text takes, as carriers and Twilio count (and bill) them, for the
 * settings page's preview: GSM-7 text fits 160 septets alone or 153 per segment once split;
 * one character outside GSM-7 sends the whole text as UCS-2, 70 code units alone or 67 per segment.
 */

const GSM7_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/** Sent as an escape and a septet: each counts twice. */
const GSM7_EXTENSION = "^{}\\[~]|€\f";

export type SmsEncoding = "GSM-7" | "UCS-2";

export interface SmsLength {
  encoding: SmsEncoding;
  /** Characters as the shopper reads them (an emoji is one). */
  characters: number;
  segments: number;
}

const SINGLE = { "GSM-7": 160, "UCS-2": 70 } as const;
const CONCATENATED = { "GSM-7": 153, "UCS-2": 67 } as const;

function isGsm7(character: string): boolean {
  return GSM7_BASIC.includes(character) || GSM7_EXTENSION.includes(character);
}

export function smsEncoding(text: string): SmsEncoding {
  for (const character of text) if (!isGsm7(character)) return "UCS-2";
  return "GSM-7";
}

/** The units a segment holds: septets in GSM-7, UTF-16 code units in UCS-2 (an emoji takes two). */
function unitsOf(text: string, encoding: SmsEncoding): number {
  if (encoding === "UCS-2") return text.length;
  let septets = 0;
  for (const character of text) septets += GSM7_EXTENSION.includes(character) ? 2 : 1;
  return septets;
}

export function smsLength(text: string): SmsLength {
  const encoding = smsEncoding(text);
  const units = unitsOf(text, encoding);
  return {
    encoding,
    characters: [...text].length,
    // An empty text still goes as one (empty) segment.
    segments: units <= SINGLE[encoding] ? 1 : Math.ceil(units / CONCATENATED[encoding]),
  };
}
