import crypto from "node:crypto";

/**
 * SendGrid's Signed Event Webhook: an ECDSA P-256 signature over SHA-256 of the timestamp
 * header followed by the raw JSON payload, base64 DER in `X-Twilio-Email-Event-Webhook-Signature`,
 * the timestamp in `X-Twilio-Email-Event-Webhook-Timestamp`. SendGrid shows the verification key
 * as base64 DER SubjectPublicKeyInfo (no PEM armour).
 */
export const SENDGRID_SIGNATURE_HEADER = "X-Twilio-Email-Event-Webhook-Signature";
export const SENDGRID_TIMESTAMP_HEADER = "X-Twilio-Email-Event-Webhook-Timestamp";

export type SendgridSigningKeys = { privateKey: crypto.KeyObject; publicKey: string };

export function generateSendgridSigningKeys(): SendgridSigningKeys {
  const { privateKey, publicKey } = crypto.generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  return { privateKey, publicKey: publicKey.export({ type: "spki", format: "der" }).toString("base64") };
}

export function signSendgridPayload(privateKey: crypto.KeyObject, payload: string, timestamp: string): string {
  return crypto.sign("sha256", Buffer.from(timestamp + payload, "utf8"), privateKey).toString("base64");
}

/** True when `signature` is SendGrid's signature of `timestamp + payload` under `publicKey`. */
export function verifySendgridSignature(
  publicKey: string,
  payload: string,
  signature: string,
  timestamp: string,
): boolean {
  try {
    const key = crypto.createPublicKey({ key: Buffer.from(publicKey, "base64"), format: "der", type: "spki" });
    return crypto.verify("sha256", Buffer.from(timestamp + payload, "utf8"), key, Buffer.from(signature, "base64"));
  } catch {
    return false;
  }
}
