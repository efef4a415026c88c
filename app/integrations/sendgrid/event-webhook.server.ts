import { EventWebhook, EventWebhookHeader } from "@sendgrid/eventwebhook";
import { classifySendFailure, createSendGridClient, type SendGridCredentials } from "./sendgrid-mailer.server";

/**
 * SendGrid's Signed Event Webhook: each batch is signed (ECDSA P-256) over the timestamp header
 * followed by the raw body, with the sending account's private key; the account shows its
 * verification key (base64 DER) in its Mail Settings and through the API.
 */

export const EVENT_SIGNATURE_HEADER = EventWebhookHeader.SIGNATURE();
export const EVENT_TIMESTAMP_HEADER = EventWebhookHeader.TIMESTAMP();

const eventWebhook = new EventWebhook();

export interface SignedEventBatch {
  /** The body exactly as it arrived: a re-serialised JSON would not match the signature. */
  rawBody: Buffer;
  signature: string;
  timestamp: string;
}

/** True only when `publicKey`'s account signed this batch; a garbled key or signature is false, never a throw. */
export function isSignedWith(publicKey: string, batch: SignedEventBatch): boolean {
  try {
    const key = eventWebhook.convertPublicKeyToECDSA(publicKey);
    return eventWebhook.verifySignature(key, batch.rawBody, batch.signature, batch.timestamp);
  } catch {
    return false;
  }
}

export type EventKeyLookup = { ok: true; publicKey: string } | { ok: false; error: string };

export const SIGNED_EVENTS_OFF = "The Signed Event Webhook is not turned on in this SendGrid account";

/** The account's verification key, as SendGrid gives it (Mail Settings → Signed Event Webhook). */
export async function fetchEventVerificationKey(credentials: SendGridCredentials): Promise<EventKeyLookup> {
  try {
    const [, body] = await createSendGridClient(credentials).request({
      method: "GET",
      url: "/v3/user/webhooks/event/settings/signed",
    });
    const publicKey: unknown =
      typeof body === "object" && body !== null && "public_key" in body ? body.public_key : undefined;
    return typeof publicKey === "string" && publicKey !== ""
      ? { ok: true, publicKey }
      : { ok: false, error: SIGNED_EVENTS_OFF };
  } catch (error) {
    return { ok: false, error: classifySendFailure(error, credentials.timeoutMs ?? 10_000).error };
  }
}
