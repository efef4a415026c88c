import prisma from "~/db.server";
import type { EmailAddress } from "~/integrations/sendgrid/sendgrid-mailer.server";
import { findSendGridAccount } from "~/models/messaging-accounts.server";
import { openCredential } from "~/services/secrets/credentials-keys.server";

/**
 * A shop's SendGrid account opened to send one customer email (docs/decisions/009): the API key
 * unsealed for the send only, the sender as the merchant set it. Null when the shop has none, or
 * no sender address, or its key cannot be opened (a lost CREDENTIALS_KEY: entered again in Settings).
 */
export interface ShopSendGridSender {
  apiKey: string;
  from: EmailAddress;
  /** The shop's unsubscribe groups for reminders and feedback requests (null: none set). */
  groups: { reminderGroupId: number | null; feedbackGroupId: number | null };
}

export async function shopSendGridSender(shop: string): Promise<ShopSendGridSender | null> {
  const stored = await findSendGridAccount(prisma, shop);
  if (!stored?.fromEmail) return null;
  const key = openCredential(stored.apiKeySealed);
  if (!key.ok) {
    console.error(`email: the SendGrid API key of ${shop} cannot be opened (${key.reason}); enter it again`);
    return null;
  }
  return {
    apiKey: key.plaintext,
    from: { email: stored.fromEmail, ...(stored.fromName ? { name: stored.fromName } : {}) },
    groups: { reminderGroupId: stored.reminderGroupId, feedbackGroupId: stored.feedbackGroupId },
  };
}
