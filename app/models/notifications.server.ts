import type { NotificationStatus, Prisma } from "@prisma/client";

type Db = Prisma.TransactionClient;

/**
 * Customer notifications (Notification): one row per order, step and channel. What the SMS
 * callbacks need; the sending job adds its own. Every query names the shop, except the lookup by
 * id that a status callback starts from (its URL carries the id and nothing else).
 */

const callbackColumns = {
  id: true,
  shop: true,
  channel: true,
  status: true,
  recipient: true,
  providerMessageId: true,
} as const;

export type NotificationForCallback = Prisma.NotificationGetPayload<{ select: typeof callbackColumns }>;

/** The notification a vendor's callback names, with its shop; null when there is none. */
export async function findNotificationForCallback(db: Db, id: string): Promise<NotificationForCallback | null> {
  return db.notification.findUnique({ where: { id }, select: callbackColumns });
}

export async function findNotification(db: Db, shop: string, id: string) {
  return db.notification.findFirst({ where: { shop, id } });
}

export interface NotificationStatusChange {
  status: NotificationStatus;
  at: Date;
  providerMessageId?: string;
  errorCode?: string | null;
  reason?: string | null;
  sentAt?: Date;
  deliveredAt?: Date;
}

/**
 * Moves the notification to `change.status` if it is still in one of `from` (the statuses
 * before it): a check and a write in one statement, so two callbacks racing cannot move it
 * back. A message id already recorded must match, or the callback is about another message.
 * False when nothing moved.
 */
export async function moveNotificationForward(
  db: Db,
  shop: string,
  id: string,
  from: NotificationStatus[],
  change: NotificationStatusChange,
): Promise<boolean> {
  const { status, at, providerMessageId, errorCode, reason, sentAt, deliveredAt } = change;
  const { count } = await db.notification.updateMany({
    where: {
      shop,
      id,
      status: { in: from },
      ...(providerMessageId ? { OR: [{ providerMessageId: null }, { providerMessageId }] } : {}),
    },
    data: {
      status,
      statusAt: at,
      ...(providerMessageId ? { providerMessageId } : {}),
      ...(errorCode !== undefined ? { errorCode } : {}),
      ...(reason !== undefined ? { reason } : {}),
      ...(sentAt ? { sentAt } : {}),
      ...(deliveredAt ? { deliveredAt } : {}),
    },
  });
  return count === 1;
}
