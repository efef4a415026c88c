import { env, type Env } from "~/env.server";
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

let account: AppSendGridAccount | undefined;

/** The account as this process's environment sets it up, made once. */
export function appSendGridAccount(): AppSendGridAccount {
  account ??= appSendGridAccountFrom(env);
  return account;
}
