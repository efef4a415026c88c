import type { NotificationChannel, NotificationStatus, Prisma } from "@prisma/client";

type Db = Prisma.TransactionClient;

/**
 * A message that could not reach the shopper, and the one that replaces it on the next channel
 * (Notification rows). The replacement is keyed like every row by (shop, order, step, channel):
 * falling back twice for the same message adds nothing.
 */

const fallbackColumns = {
  id: true,
  shop: true,
  orderId: true,
  step: true,
  channel: true,
  status: true,
  locationId: true,
} as const;

export type NotificationToFallBackFrom = Prisma.NotificationGetPayload<{ select: typeof fallbackColumns }>;

/** The shop's notification `id`, locked until the transaction ends (two callbacks falling back wait for each other). */
export async function lockNotificationToFallBackFrom(
  db: Db,
  shop: string,
  id: string,
): Promise<NotificationToFallBackFrom | null> {
  const locked = await db.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM "Notification" WHERE shop = ${shop} AND id = ${id}::uuid FOR UPDATE`;
  if (locked.length === 0) return null;
  return db.notification.findFirst({ where: { shop, id }, select: fallbackColumns });
}

/** Records why the message did not reach the shopper, moving it to `status` (its error code kept unless one is given). */
export async function recordNotificationNotDelivered(
  db: Db,
  shop: string,
  id: string,
  change: { status: NotificationStatus; reason: string; errorCode?: string; at: Date },
): Promise<void> {
  await db.notification.updateMany({
    where: { shop, id },
    data: {
      status: change.status,
      statusAt: change.at,
      reason: change.reason,
      ...(change.errorCode !== undefined ? { errorCode: change.errorCode } : {}),
    },
  });
}

/**
 * Schedules the message on `channel` for `sendAt`, unless the order already has this step on that
 * channel. Returns the new row's id, or null when it was already there.
 */
export async function scheduleFallbackNotification(
  db: Db,
  shop: string,
  message: { orderId: string; step: string; channel: NotificationChannel; locationId: string | null; sendAt: Date },
): Promise<string | null> {
  const created = await db.notification.createManyAndReturn({
    data: [{ shop, ...message }],
    skipDuplicates: true,
    select: { id: true },
  });
  return created[0]?.id ?? null;
}
