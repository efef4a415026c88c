/**
 * A photo an associate takes on POS with the Camera API: of a damaged or missing item with an
 * exception report, or of a local delivery left at the door as proof. What a photo must be before
 * it is kept: a JPEG or PNG by its own bytes (not by what the device says it is), and small.
 */

export const PHOTO_PURPOSES = ["EXCEPTION", "DELIVERY"] as const;
export type PhotoPurpose = (typeof PHOTO_PURPOSES)[number];

export const PHOTO_CONTENT_TYPES = ["image/jpeg", "image/png"] as const;
export type PhotoContentType = (typeof PHOTO_CONTENT_TYPES)[number];

/**
 * The largest photo kept, decoded. The extension asks the camera for 1280 px at quality 0.6, a
 * few hundred KB; this leaves room for a detailed PNG and none for a raw sensor image.
 */
export const PHOTO_MAX_BYTES = 1.5 * 1024 * 1024;

/** The Camera API resizes to at most 1920 px a side; a little more is no photo it took. */
export const PHOTO_MAX_SIDE_PIXELS = 4096;

/** Base64 of the largest photo, rounded up to whole 4-character groups. */
export const PHOTO_MAX_BASE64_LENGTH = Math.ceil(PHOTO_MAX_BYTES / 3) * 4;

const JPEG_START = [0xff, 0xd8, 0xff];
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

/** The image type the bytes are, by their magic number; null when neither a JPEG nor a PNG. */
export function imageTypeOf(bytes: Uint8Array): PhotoContentType | null {
  if (startsWith(bytes, PNG_SIGNATURE)) return "image/png";
  if (startsWith(bytes, JPEG_START)) return "image/jpeg";
  return null;
}

export type PhotoReading =
  { ok: true; contentType: PhotoContentType } | { ok: false; problem: "TOO_LARGE" | "NOT_AN_IMAGE"; message: string };

const MEGABYTES = (PHOTO_MAX_BYTES / (1024 * 1024)).toLocaleString("en-US");

/**
 * Whether the decoded bytes are a photo worth keeping. The type kept is the bytes' own: a JPEG
 * the device called a PNG is still kept, and served, as a JPEG.
 */
export function readPhoto(bytes: Uint8Array): PhotoReading {
  if (bytes.length > PHOTO_MAX_BYTES) {
    return { ok: false, problem: "TOO_LARGE", message: `The photo is larger than ${MEGABYTES} MB: take it again` };
  }
  const contentType = imageTypeOf(bytes);
  if (!contentType) {
    return { ok: false, problem: "NOT_AN_IMAGE", message: "The photo is not a JPEG or PNG image: take it again" };
  }
  return { ok: true, contentType };
}
