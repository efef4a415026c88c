import type { Prisma } from "@prisma/client";

type Db = Prisma.TransactionClient;

export type VendorEventProvider = "TWILIO" | "SENDGRID";

/**
 * Records that a vendor's event was applied (VendorEventReceipt): true the first time, false
 * for a repeat (a retried batch, a replayed callback), which must then change nothing. Call it in
 * the transaction that applies the event, so the receipt and the change commit together.
 */
export async function recordVendorEvent(
  db: Db,
  shop: string,
  provider: VendorEventProvider,
  eventId: string,
): Promise<boolean> {
  const { count } = await db.vendorEventReceipt.createMany({
    data: [{ shop, provider, eventId }],
    skipDuplicates: true,
  });
  return count === 1;
}
