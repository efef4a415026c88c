/**
 * What an associate types or scans for a transition (a bin, a carrier and tracking number, a
 * courier), read into the value the task keeps, or one sentence saying what to fix.
 */

export type FieldReading<Value> = { ok: true; value: Value } | { ok: false; message: string };

export const BIN_CODE_MAX_LENGTH = 32;
export const CARRIER_MAX_LENGTH = 64;
export const TRACKING_NUMBER_MAX_LENGTH = 64;
export const COURIER_NAME_MAX_LENGTH = 80;
export const TRACKING_URL_MAX_LENGTH = 2048;
export const EXCEPTION_NOTE_MAX_LENGTH = 500;

// Scanners end a read with CR/LF or tab and GS1 barcodes carry group separators (\u001d).
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** Trimmed, control characters dropped, runs of spaces made one. */
export function cleanTyped(raw: string | null | undefined): string {
  return (raw ?? "").replace(CONTROL_CHARACTERS, " ").replace(/\s+/g, " ").trim();
}

const BIN_CODE = /^[\p{L}\p{Nd}][\p{L}\p{Nd} -]*$/u;

/**
 * A bin or shelf code ("A3", "Pickup shelf 2"): 1–32 letters, digits, dashes and spaces,
 * upper-cased so "a3" typed and "A3" on the label are the same bin at handover.
 */
export function readBinCode(raw: string | null | undefined): FieldReading<string> {
  const bin = cleanTyped(raw).toUpperCase();
  if (bin === "") return { ok: false, message: "Enter or scan the bin the order is in" };
  if (bin.length > BIN_CODE_MAX_LENGTH) {
    return { ok: false, message: `A bin code is at most ${BIN_CODE_MAX_LENGTH} characters` };
  }
  if (!BIN_CODE.test(bin)) {
    return { ok: false, message: "A bin code has only letters, digits, dashes and spaces" };
  }
  return { ok: true, value: bin };
}

/** The carrier's name as Shopify's tracking info takes it ("UPS", "Canada Post"). */
export function readCarrier(raw: string | null | undefined): FieldReading<string> {
  const carrier = cleanTyped(raw);
  if (carrier === "") return { ok: false, message: "Choose the carrier" };
  if (carrier.length > CARRIER_MAX_LENGTH) {
    return { ok: false, message: `A carrier name is at most ${CARRIER_MAX_LENGTH} characters` };
  }
  return { ok: true, value: carrier };
}

/**
 * A USPS label's barcode (IMpb) reads as "420", the destination ZIP (5 or 9 digits), then the
 * 22-digit tracking number starting with 9: a scanned label must give the tracking number alone.
 */
const USPS_ROUTED_BARCODE = /^420(?:\d{5}|\d{9})(9\d{21})$/;
const TRACKING_NUMBER = /^[A-Z0-9-]+$/;

/**
 * A tracking number typed or scanned: spaces dropped (labels print it in groups), upper-cased
 * (carriers' numbers are), letters, digits and dashes only.
 */
export function readTrackingNumber(raw: string | null | undefined): FieldReading<string> {
  const compact = cleanTyped(raw).replace(/ /g, "").toUpperCase();
  if (compact === "") return { ok: false, message: "Enter or scan the tracking number" };
  const tracking = USPS_ROUTED_BARCODE.exec(compact)?.[1] ?? compact;
  if (tracking.length > TRACKING_NUMBER_MAX_LENGTH) {
    return { ok: false, message: `A tracking number is at most ${TRACKING_NUMBER_MAX_LENGTH} characters` };
  }
  if (!TRACKING_NUMBER.test(tracking)) {
    return { ok: false, message: "A tracking number has only letters, digits and dashes" };
  }
  return { ok: true, value: tracking };
}

export function readCourierName(raw: string | null | undefined): FieldReading<string> {
  const name = cleanTyped(raw);
  if (name === "") return { ok: false, message: "Enter the name of the driver or courier taking the order" };
  if (name.length > COURIER_NAME_MAX_LENGTH) {
    return { ok: false, message: `A courier's name is at most ${COURIER_NAME_MAX_LENGTH} characters` };
  }
  return { ok: true, value: name };
}

/**
 * The courier's tracking link for the shopper's out-for-delivery message: optional (null when
 * left empty), and https only, since the shopper opens it from a message.
 */
export function readTrackingUrl(raw: string | null | undefined): FieldReading<string | null> {
  const text = cleanTyped(raw);
  if (text === "") return { ok: true, value: null };
  const refused = { ok: false, message: "A tracking link must be a web address starting with https://" } as const;
  if (text.length > TRACKING_URL_MAX_LENGTH || text.includes(" ")) return refused;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refused;
  }
  if (url.protocol !== "https:" || url.hostname === "" || url.username !== "" || url.password !== "") return refused;
  return { ok: true, value: url.href };
}

/** An associate's note on an exception: optional, null when empty. */
export function readExceptionNote(raw: string | null | undefined): FieldReading<string | null> {
  const note = (raw ?? "").trim();
  if (note === "") return { ok: true, value: null };
  if (note.length > EXCEPTION_NOTE_MAX_LENGTH) {
    return { ok: false, message: `Keep the note to ${EXCEPTION_NOTE_MAX_LENGTH} characters` };
  }
  return { ok: true, value: note };
}
