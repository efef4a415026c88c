/**
 * The pickup code: a short code per order that the shopper shows (typed or as a QR code) and the
 * associate checks at handover. Six characters from 32 that cannot be mistaken for one another
 * (no 0/O, no 1/I): about a billion codes, read aloud or typed without confusion.
 */

export const PICKUP_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const PICKUP_CODE_LENGTH = 6;

/** A random whole number from 0 to size − 1 (crypto.randomInt in the service, a script in tests). */
export type RandomIndex = (size: number) => number;

export function generatePickupCode(randomIndex: RandomIndex): string {
  const size = PICKUP_CODE_ALPHABET.length;
  let code = "";
  for (let position = 0; position < PICKUP_CODE_LENGTH; position++) {
    const index = randomIndex(size);
    if (!Number.isInteger(index) || index < 0 || index >= size) {
      throw new RangeError(`A pickup code needs a random index from 0 to ${size - 1}, got ${index}`);
    }
    code += PICKUP_CODE_ALPHABET[index];
  }
  return code;
}

const PICKUP_CODE = new RegExp(`^[${PICKUP_CODE_ALPHABET}]{${PICKUP_CODE_LENGTH}}$`);

/** Associates type codes in groups, in either case, with spaces, dashes or dots between. */
const SEPARATORS = /[\s\-._]/g;

/**
 * The code an associate typed ("k7m-4qx", "K7M 4QX"), as stored ("K7M4QX"), or null when it
 * cannot be a pickup code.
 */
export function normalisePickupCode(typed: string | null | undefined): string | null {
  const code = (typed ?? "").replace(SEPARATORS, "").toUpperCase();
  return PICKUP_CODE.test(code) ? code : null;
}

/** As shown to the shopper: two groups of three, "K7M-4QX". */
export function formatPickupCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}

/**
 * What the shopper's QR code holds. It names neither the shop nor the order: the associate's
 * session says which shop and store, and the code alone finds the order there.
 */
export const PICKUP_QR_PREFIX = "omniroute:pickup:";

export function pickupQrPayload(code: string): string {
  const normalised = normalisePickupCode(code);
  if (!normalised) throw new RangeError(`Not a pickup code: ${code}`);
  return `${PICKUP_QR_PREFIX}${normalised}`;
}

/** The pickup code in a scanned QR payload, or null when the payload is not one of ours. */
export function parsePickupQrPayload(payload: string | null | undefined): string | null {
  const text = (payload ?? "").trim();
  if (text.slice(0, PICKUP_QR_PREFIX.length).toLowerCase() !== PICKUP_QR_PREFIX) return null;
  return normalisePickupCode(text.slice(PICKUP_QR_PREFIX.length));
}

/**
 * What the shopper presented at the counter, scanned or typed into the one handover field: a QR
 * payload or a code, with the method to record as the handover's proof; null when it is neither.
 */
export function readPresentedCode(
  input: string | null | undefined,
): { readonly method: "QR" | "PICKUP_CODE"; readonly code: string } | null {
  const text = (input ?? "").trim();
  if (text.toLowerCase().startsWith(PICKUP_QR_PREFIX)) {
    const code = parsePickupQrPayload(text);
    return code ? { method: "QR", code } : null;
  }
  const code = normalisePickupCode(text);
  return code ? { method: "PICKUP_CODE", code } : null;
}
