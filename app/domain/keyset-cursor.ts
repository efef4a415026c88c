/**
 * The opaque cursors of the keyset-paged tables (Inventory, Locations): the last row's key, as a
 * JSON array, in URL-safe base64. Decoding never throws: anything a page did not hand out
 * (altered, truncated, too long) reads as null, for the page to answer 400.
 */

const MAX_CURSOR_LENGTH = 2_000;

/** The cursor carrying `parts` (strings and numbers). */
export function encodeKeysetCursor(parts: readonly (string | number | null)[]): string {
  // btoa and atob work on byte strings; the key's text goes through UTF-8 (runs in the browser too).
  const bytes = new TextEncoder().encode(JSON.stringify(parts));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}

/** The parts a cursor carries when it is one of `length` parts, else null; the caller checks each part. */
export function decodeKeysetCursor(cursor: string, length: number): unknown[] | null {
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  let parts: unknown;
  try {
    const binary = atob(cursor.replaceAll("-", "+").replaceAll("_", "/"));
    const text = new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    parts = JSON.parse(text);
  } catch {
    return null;
  }
  return Array.isArray(parts) && parts.length === length ? (parts as unknown[]) : null;
}
