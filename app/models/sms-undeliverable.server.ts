import type { Prisma } from "@prisma/client";

type Db = Prisma.TransactionClient;

/**
 * Numbers Twilio said a text can never reach (SmsUndeliverableNumber: a landline, an invalid
 * number, not a mobile), each E.164. Per shop, like the opt-outs: the sender and the planner pass
 * them over and the shopper is reached another way.
 */

/** Remembers `phone` as undeliverable; a second error keeps the first one's code and time. */
export async function recordSmsUndeliverableNumber(
  db: Db,
  shop: string,
  phone: string,
  errorCode: number,
  at: Date,
): Promise<void> {
  await db.smsUndeliverableNumber.upsert({
    where: { shop_phone: { shop, phone } },
    create: { shop, phone, errorCode: String(errorCode), recordedAt: at },
    update: {},
  });
}

/** Which of `phones` (E.164) are remembered as undeliverable, with Twilio's code for each. */
export async function smsUndeliverableAmong(
  db: Db,
  shop: string,
  phones: readonly string[],
): Promise<Map<string, string>> {
  if (phones.length === 0) return new Map();
  const rows = await db.smsUndeliverableNumber.findMany({
    where: { shop, phone: { in: [...phones] } },
    select: { phone: true, errorCode: true },
  });
  return new Map(rows.map((row) => [row.phone, row.errorCode]));
}
