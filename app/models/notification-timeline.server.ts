import type { NotificationChannel, NotificationStatus, Prisma } from "@prisma/client";

type Db = Prisma.TransactionClient;

/**
 * Customer notifications as the merchant reads them: an order's messages, the shop's message log
 * page by page, and a staff resend of a failed message. Every query names the shop.
 */

const messageColumns = {
  id: true,
  orderId: true,
  step: true,
  channel: true,
  locationId: true,
  recipient: true,
  sendAt: true,
  status: true,
  statusAt: true,
  attempts: true,
  reason: true,
  sentAt: true,
  deliveredAt: true,
} as const;

export type StoredMessage = Prisma.NotificationGetPayload<{ select: typeof messageColumns }>;

/** The order's messages, whatever their status, by send time. */
export async function messagesOfOrder(db: Db, shop: string, orderId: string): Promise<StoredMessage[]> {
  return db.notification.findMany({
    where: { shop, orderId },
    orderBy: [{ sendAt: "asc" }, { createdAt: "asc" }],
    select: messageColumns,
  });
}

export interface MessageLogFilter {
  status?: NotificationStatus;
  channel?: NotificationChannel;
  locationId?: string;
  /** Send time at or after. */
  from?: Date;
  /** Send time before. */
  before?: Date;
  /** The id of the last message of the previous page. */
  cursor?: string;
  take: number;
}

/**
 * A page of the shop's messages, newest send time first. The cursor is read as a message of this
 * shop: one that is not (another shop's, deleted, made up) starts from the first page.
 */
export async function listShopMessages(db: Db, shop: string, filter: MessageLogFilter): Promise<StoredMessage[]> {
  const after = filter.cursor
    ? await db.notification.findFirst({ where: { shop, id: filter.cursor }, select: { id: true, sendAt: true } })
    : null;
  const sendAt = {
    ...(filter.from ? { gte: filter.from } : {}),
    ...(filter.before ? { lt: filter.before } : {}),
  };
  return db.notification.findMany({
    where: {
      shop,
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.channel ? { channel: filter.channel } : {}),
      ...(filter.locationId ? { locationId: filter.locationId } : {}),
      ...(filter.from || filter.before ? { sendAt } : {}),
      ...(after ? { OR: [{ sendAt: { lt: after.sendAt } }, { sendAt: after.sendAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ sendAt: "desc" }, { id: "desc" }],
    take: filter.take,
    select: messageColumns,
  });
}

/** The names of the shop's routed orders among `orderIds` ("#1001"), by order id. */
export async function orderNamesOf(db: Db, shop: string, orderIds: string[]): Promise<Map<string, string>> {
  if (orderIds.length === 0) return new Map();
  const rows = await db.routedOrder.findMany({
    where: { shop, orderId: { in: orderIds } },
    select: { orderId: true, name: true },
  });
  return new Map(rows.map((row) => [row.orderId, row.name]));
}

/** The shop's locations' names and zones, by location id (deleted ones too: old messages name them). */
export async function messageLocationsOf(
  db: Db,
  shop: string,
): Promise<Map<string, { name: string; timeZone: string | null }>> {
  const rows = await db.location.findMany({
    where: { shop },
    select: { locationId: true, name: true, profile: { select: { timeZone: true } } },
  });
  return new Map(rows.map((row) => [row.locationId, { name: row.name, timeZone: row.profile?.timeZone ?? null }]));
}

export type ResendOutcome =
  | { outcome: "RESENT" }
  | { outcome: "NOT_FOUND" }
  | { outcome: "NOT_FAILED"; status: NotificationStatus }
  /** The step's message went by another channel after this one failed: resending would repeat it. */
  | { outcome: "FELL_BACK"; channel: NotificationChannel };

/** Another channel's row of the same order and step, not cancelled or skipped: what a failed one fell back to. */
const fallbackOf = (shop: string, message: { orderId: string; step: string; channel: NotificationChannel }) => ({
  shop,
  orderId: message.orderId,
  step: message.step,
  channel: { not: message.channel },
  status: { notIn: ["CANCELLED", "SKIPPED"] as NotificationStatus[] },
});

/** Which of the failed messages among `messages` were sent another way since (by id). */
export async function failedMessagesSentAnotherWay(
  db: Db,
  shop: string,
  messages: readonly StoredMessage[],
): Promise<Set<string>> {
  const failed = messages.filter((message) => message.status === "FAILED");
  if (failed.length === 0) return new Set();
  const others = await db.notification.findMany({
    where: { OR: failed.map((message) => fallbackOf(shop, message)) },
    select: { orderId: true, step: true, channel: true },
  });
  return new Set(
    failed
      .filter((message) =>
        others.some(
          (other) =>
            other.orderId === message.orderId && other.step === message.step && other.channel !== message.channel,
        ),
      )
      .map((message) => message.id),
  );
}

/**
 * Puts a FAILED message back in the queue for the sending job: SCHEDULED, due `at`, its attempts
 * kept. The check and the write are one statement, so two staff pressing Resend move it once.
 * The failed send's vendor id and error are cleared: the status callbacks of the next send must
 * match its own message id (moveNotificationForward), not the failed one's.
 */
export async function rescheduleFailedMessage(
  db: Db,
  shop: string,
  id: string,
  resentBy: string,
  at: Date,
): Promise<ResendOutcome> {
  const failed = await db.notification.findFirst({
    where: { shop, id, status: "FAILED" },
    select: { orderId: true, step: true, channel: true },
  });
  const sentAnotherWay = failed
    ? await db.notification.findFirst({ where: fallbackOf(shop, failed), select: { channel: true } })
    : null;
  if (sentAnotherWay) return { outcome: "FELL_BACK", channel: sentAnotherWay.channel };
  const { count } = await db.notification.updateMany({
    where: { shop, id, status: "FAILED" },
    data: {
      status: "SCHEDULED",
      sendAt: at,
      statusAt: at,
      reason: `Resent by ${resentBy}`,
      providerMessageId: null,
      errorCode: null,
      sentAt: null,
      deliveredAt: null,
    },
  });
  if (count === 1) return { outcome: "RESENT" };
  const row = await db.notification.findFirst({ where: { shop, id }, select: { status: true } });
  return row ? { outcome: "NOT_FAILED", status: row.status } : { outcome: "NOT_FOUND" };
}
