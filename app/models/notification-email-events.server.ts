import type { Prisma } from "@prisma/client";

type Db = Prisma.TransactionClient;

/**
 * A shopper's "stop" on a customer email, as SendGrid's events report it (spam report,
 * unsubscribe, a group's unsubscribe), kept per shop and address (EmailSuppression) so that later
 * emails to that address from that shop are skipped; the email it answered says so in its
 * reason, for the order's timeline. Every query names the shop: one merchant's unsubscribe says
 * nothing about another's.
 */

export type EmailOptOut =
  { kind: "SPAM_REPORT" } | { kind: "UNSUBSCRIBED" } | { kind: "GROUP_UNSUBSCRIBED"; asmGroupId: number };

const OPT_OUT_WORDS: Readonly<Record<EmailOptOut["kind"], string>> = {
  SPAM_REPORT: "The shopper marked this email as spam: no more emails to them from this shop",
  UNSUBSCRIBED: "The shopper unsubscribed from this shop's emails",
  GROUP_UNSUBSCRIBED: "The shopper unsubscribed from these emails (reminders or feedback)",
};

const EVERY_EMAIL = "ALL";
const groupScope = (asmGroupId: number) => `GROUP:${asmGroupId}`;

/** Records the opt-out of the address the email went to; false when there is no such email of the shop. */
export async function recordEmailOptOut(
  db: Db,
  shop: string,
  notificationId: string,
  optOut: EmailOptOut,
): Promise<boolean> {
  const email = await db.notification.findFirst({
    where: { shop, id: notificationId, channel: "EMAIL" },
    select: { recipient: true },
  });
  if (!email?.recipient) return false;
  const address = email.recipient.toLowerCase();
  const scope = optOut.kind === "GROUP_UNSUBSCRIBED" ? groupScope(optOut.asmGroupId) : EVERY_EMAIL;
  await db.emailSuppression.upsert({
    where: { shop_email_scope: { shop, email: address, scope } },
    create: { shop, email: address, scope, kind: optOut.kind, notificationId },
    // A spam report is the stronger "stop": an unsubscribe after it does not soften it.
    update: optOut.kind === "SPAM_REPORT" ? { kind: optOut.kind, notificationId } : {},
  });
  await db.notification.updateMany({
    where: { shop, id: notificationId },
    data: { reason: OPT_OUT_WORDS[optOut.kind] },
  });
  return true;
}

/** A resubscribe to a group: that group's opt-out of the address in this shop no longer holds. */
export async function clearEmailGroupOptOut(db: Db, shop: string, email: string, asmGroupId: number): Promise<number> {
  const { count } = await db.emailSuppression.deleteMany({
    where: { shop, email: email.toLowerCase(), scope: groupScope(asmGroupId) },
  });
  return count;
}

type EmailOptOutCheck = (email: string, asmGroupId: number | null) => EmailOptOut | null;

/**
 * Whether an email to an address from this shop should be skipped: a spam report or a full
 * unsubscribe stops every email; a group's unsubscribe stops that group's (reminders,
 * feedback). The addresses' suppressions are read at once (a batch of emails costs one query);
 * ask with the group of the email about to go, or null for a transactional one.
 */
export async function emailOptOutsAmong(db: Db, shop: string, emails: readonly string[]): Promise<EmailOptOutCheck> {
  const addresses = [...new Set(emails.map((email) => email.toLowerCase()))];
  const rows =
    addresses.length === 0
      ? []
      : await db.emailSuppression.findMany({
          where: { shop, email: { in: addresses } },
          select: { email: true, scope: true, kind: true },
        });
  return (email, asmGroupId) => {
    const held = rows.filter(
      (row) =>
        row.email === email.toLowerCase() &&
        (row.scope === EVERY_EMAIL || (asmGroupId !== null && row.scope === groupScope(asmGroupId))),
    );
    const every = held.find((row) => row.scope === EVERY_EMAIL);
    if (every) return every.kind === "SPAM_REPORT" ? { kind: "SPAM_REPORT" } : { kind: "UNSUBSCRIBED" };
    return held.length > 0 && asmGroupId !== null ? { kind: "GROUP_UNSUBSCRIBED", asmGroupId } : null;
  };
}

/** `emailOptOutsAmong` for one address. */
export async function emailOptOutOf(
  db: Db,
  shop: string,
  email: string,
  asmGroupId: number | null,
): Promise<EmailOptOut | null> {
  return (await emailOptOutsAmong(db, shop, [email]))(email, asmGroupId);
}
