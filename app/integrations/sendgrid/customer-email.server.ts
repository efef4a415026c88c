import { env } from "~/env.server";
import { createSendGridMailer, type EmailAddress, type SendOutcome } from "./sendgrid-mailer.server";

/**
 * A customer notification email, sent from the shop's own SendGrid account (docs/decisions/009)
 * through the same adapter as the staff alerts. The outcome is the adapter's: accepted with
 * SendGrid's message id, REJECTED (will fail again) or AMBIGUOUS (may have gone: reconcile
 * before any retry). Never throws a vendor error.
 */

export interface CustomerEmail {
  /** The shop's SendGrid API key, unsealed for this send only. */
  apiKey: string;
  from: EmailAddress;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Opaque ids only: SendGrid echoes them in each event, which is how an event finds its notification. */
  customArgs: { notificationId: string; shop: string };
  /** The shop's unsubscribe group for reminders or feedback; none for transactional messages. */
  asmGroupId?: number;
}

/** Lets the shop's SendGrid activity tell the app's customer emails from its other mail. */
export const CUSTOMER_EMAIL_CATEGORY = "omniroute-customer-notification";

export interface CustomerEmailTransport {
  /** The SendGrid host; the local emulator in development and tests (SENDGRID_API_URL). */
  baseUrl?: string;
  timeoutMs?: number;
}

export function sendCustomerEmail(
  email: CustomerEmail,
  transport: CustomerEmailTransport = env.SENDGRID_API_URL ? { baseUrl: env.SENDGRID_API_URL } : {},
): Promise<SendOutcome> {
  const mailer = createSendGridMailer({ apiKey: email.apiKey, ...transport });
  return mailer.send({
    to: { email: email.to },
    from: email.from,
    subject: email.subject,
    text: email.text,
    html: email.html,
    customArgs: { notificationId: email.customArgs.notificationId, shop: email.customArgs.shop },
    categories: [CUSTOMER_EMAIL_CATEGORY],
    ...(email.asmGroupId !== undefined ? { asmGroupId: email.asmGroupId } : {}),
  });
}
