import crypto from "node:crypto";
import { env, type Env } from "~/env.server";
import { openSecret, sealSecret, type CredentialsKeys, type OpenedSecret } from "./sealed-secrets.server";

/**
 * The keys that seal shops' vendor credentials, from the environment: CREDENTIALS_KEY (and
 * CREDENTIALS_KEY_PREVIOUS after a rotation). Production requires the key (config/environment.ts);
 * elsewhere, unset, a key derived from SHOPIFY_API_SECRET stands in, so a development database
 * stays readable across restarts without anyone choosing a key.
 */
export function credentialsKeysFrom(
  settings: Pick<Env, "CREDENTIALS_KEY" | "CREDENTIALS_KEY_PREVIOUS" | "SHOPIFY_API_SECRET">,
): CredentialsKeys {
  const previous = settings.CREDENTIALS_KEY_PREVIOUS
    ? { previous: Buffer.from(settings.CREDENTIALS_KEY_PREVIOUS, "base64") }
    : {};
  if (settings.CREDENTIALS_KEY) return { current: Buffer.from(settings.CREDENTIALS_KEY, "base64"), ...previous };
  const derived = crypto.hkdfSync(
    "sha256",
    settings.SHOPIFY_API_SECRET,
    "omniroute",
    "credentials-key:development",
    32,
  );
  return { current: Buffer.from(derived), ...previous };
}

let keys: CredentialsKeys | undefined;

function processKeys(): CredentialsKeys {
  keys ??= credentialsKeysFrom(env);
  return keys;
}

/** Seals a credential under this process's current key. */
export function sealCredential(plaintext: string): string {
  return sealSecret(plaintext, processKeys());
}

/** Opens a credential sealed under the current or the previous key. */
export function openCredential(sealed: string): OpenedSecret {
  return openSecret(sealed, processKeys());
}
