import { env, type Env } from "~/env.server";
import { fetchEventVerificationKey, type EventKeyLookup } from "./event-webhook.server";
import { createSendGridMailer, type EmailAddress, type SendGridMailer } from "./sendgrid-mailer.server";

/**
 * The app's own SendGrid account, for operational email to merchants' staff (a store told an
 * order arrived; docs/decisions/009). Customers are emailed from each shop's account instead.
 */
export type AppSendGridAccount =
  | { available: true; mailer: SendGridMailer; from: EmailAddress }
  /** Why the app cannot send email, in the merchant's words. */
  | { available: false; reason: string };

export const APP_SENDER_NAME = "Omniroute";

export const SENDGRID_NOT_SET_UP =
  "Store emails are not available: Omniroute's email service is not set up on this server (SENDGRID_API_KEY).";

export function appSendGridAccountFrom(
  settings: Pick<Env, "SENDGRID_API_KEY" | "ALERTS_FROM_EMAIL" | "SENDGRID_API_URL">,
): AppSendGridAccount {
  const { SENDGRID_API_KEY: apiKey, ALERTS_FROM_EMAIL: fromEmail, SENDGRID_API_URL: baseUrl } = settings;
  if (!apiKey || !fromEmail) return { available: false, reason: SENDGRID_NOT_SET_UP };
  return {
    available: true,
    mailer: createSendGridMailer({ apiKey, ...(baseUrl ? { baseUrl } : {}) }),
    from: { email: fromEmail, name: APP_SENDER_NAME },
  };
}

/** Kept a while rather than fetched per batch; refetched after, as the account may have rotated it. */
const EVENT_KEY_TTL_MS = 10 * 60_000;

function cachedEventKey(fetchKey: () => Promise<EventKeyLookup>) {
  let cached: { key: string | null; until: number } | undefined;
  return async (): Promise<string | null> => {
    if (cached && cached.until > Date.now()) return cached.key;
    const lookup = await fetchKey();
    // A failed lookup is kept for a short while only: SendGrid retries the batch for a day.
    const key = lookup.ok ? lookup.publicKey : null;
    cached = { key, until: Date.now() + (lookup.ok ? EVENT_KEY_TTL_MS : 30_000) };
    return key;
  };
}

let account: AppSendGridAccount | undefined;

/** The account as this process's environment sets it up, made once. */
export function appSendGridAccount(): AppSendGridAccount {
  account ??= appSendGridAccountFrom(env);
  return account;
}

let eventKey: (() => Promise<string | null>) | undefined;

/**
 * The key that signs the app account's Event Webhook batches (the staff emails' events), asked
 * of SendGrid with the account's API key; null when the account is not set up or gives none.
 */
export function appEventVerificationKey(): Promise<string | null> {
  const { SENDGRID_API_KEY: apiKey, SENDGRID_API_URL: baseUrl } = env;
  if (!apiKey) return Promise.resolve(null);
  eventKey ??= cachedEventKey(() => fetchEventVerificationKey({ apiKey, ...(baseUrl ? { baseUrl } : {}) }));
  return eventKey();
}
