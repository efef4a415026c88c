import crypto from "node:crypto";

/**
 * Shops' vendor credentials at rest (a Twilio auth token, a SendGrid API key): AES-256-GCM under
 * the app's credentials key, written as `v1:<iv>:<tag>:<data>` (each part base64url). A database
 * dump alone opens nothing, and a changed byte is refused rather than opened to garbage.
 *
 * Rotation: the new key becomes `current` and the old one `previous`. Opening tries the current
 * key, then the previous one (GCM's tag tells which key sealed a value, so no key id is stored);
 * what the previous key opened says so, and its owner seals it again under the current key.
 */

export interface CredentialsKeys {
  current: Buffer;
  previous?: Buffer;
}

export type OpenedSecret =
  | { ok: true; plaintext: string; sealedWithPrevious: boolean }
  /** MALFORMED: not a sealed value at all; REFUSED: neither key opens it (tampered, or another key). */
  | { ok: false; reason: "MALFORMED" | "REFUSED" };

const FORMAT = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
// Binds a sealed value to this format: a later format cannot be opened as this one.
const ADDITIONAL_DATA = Buffer.from("omniroute:credentials:v1", "utf8");

function checkKey(key: Buffer): Buffer {
  if (key.length !== KEY_BYTES) throw new Error(`A credentials key is ${KEY_BYTES} bytes, not ${key.length}`);
  return key;
}

export function sealSecret(plaintext: string, keys: CredentialsKeys): string {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv("aes-256-gcm", checkKey(keys.current), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(ADDITIONAL_DATA);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [FORMAT, iv, tag, data]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(":");
}

function openWith(key: Buffer, iv: Buffer, tag: Buffer, data: Buffer): string | null {
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", checkKey(key), iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(ADDITIONAL_DATA);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function openSecret(sealed: string, keys: CredentialsKeys): OpenedSecret {
  const parts = sealed.split(":");
  if (parts.length !== 4 || parts[0] !== FORMAT || !parts.every((part) => BASE64URL.test(part))) {
    return { ok: false, reason: "MALFORMED" };
  }
  const [iv, tag, data] = parts.slice(1).map((part) => Buffer.from(part, "base64url")) as [Buffer, Buffer, Buffer];
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return { ok: false, reason: "MALFORMED" };

  const withCurrent = openWith(keys.current, iv, tag, data);
  if (withCurrent !== null) return { ok: true, plaintext: withCurrent, sealedWithPrevious: false };
  const withPrevious = keys.previous ? openWith(keys.previous, iv, tag, data) : null;
  if (withPrevious !== null) return { ok: true, plaintext: withPrevious, sealedWithPrevious: true };
  return { ok: false, reason: "REFUSED" };
}

/** How a secret is shown back to the merchant: its last four characters, never more. */
export function maskSecret(plaintext: string): string {
  // A short secret shows nothing: four of six characters would all but give it away.
  return plaintext.length >= 12 ? `…${plaintext.slice(-4)}` : "…";
}
