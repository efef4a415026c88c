import type { Prisma } from "@prisma/client";

type Db = Prisma.TransactionClient;

/** How a number came off the shop's list: it texted STOP, or Twilio refused a send with 21610. */
export type SmsOptOutSource = "STOP_REPLY" | "ERROR_21610";

/**
 * The numbers a shop must not text (SmsOptOut), each E.164. Per shop: a STOP to one merchant
 * says nothing about another's, so every query names the shop.
 */
export async function recordSmsOptOut(
  db: Db,
  shop: string,
  phone: string,
  source: SmsOptOutSource,
  at: Date,
): Promise<void> {
  // A second STOP keeps the first one's time and source: the number has been off since then.
  await db.smsOptOut.upsert({
    where: { shop_phone: { shop, phone } },
    create: { shop, phone, source, optedOutAt: at },
    update: {},
  });
}

/** START: the number may be texted again. */
export async function removeSmsOptOut(db: Db, shop: string, phone: string): Promise<void> {
  await db.smsOptOut.deleteMany({ where: { shop, phone } });
}

export async function findSmsOptOut(db: Db, shop: string, phone: string) {
  return db.smsOptOut.findUnique({ where: { shop_phone: { shop, phone } } });
}
