import type { NotificationChannel, NotificationStatus } from "@prisma/client";
import prisma from "~/db.server";
import { addDays, instantAt, type LocalDate } from "~/domain/local-time";
import {
  failedMessagesSentAnotherWay,
  listShopMessages,
  messageLocationsOf,
  messagesOfOrder,
  orderNamesOf,
  rescheduleFailedMessage,
  type MessageLogFilter,
  type ResendOutcome,
  type StoredMessage,
} from "~/models/notification-timeline.server";
import { messageView, type MessageView } from "./message-view";

/**
 * The customer messages the merchant sees: an order's, on its page, and the shop's log with its
 * filters; and the staff's resend of a failed one, which only puts it back in the sending job's queue.
 */

export const MESSAGE_STATUSES = [
  "SCHEDULED",
  "SENDING",
  "SENT",
  "DELIVERED",
  "FAILED",
  "UNKNOWN",
  "CANCELLED",
  "SKIPPED",
] as const satisfies readonly NotificationStatus[];
export const MESSAGE_CHANNELS = ["SMS", "EMAIL", "PUSH"] as const satisfies readonly NotificationChannel[];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOCATION_ID = /^\d{1,20}$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const timeOf = (message: StoredMessage) => (message.deliveredAt ?? message.sentAt ?? message.sendAt).getTime();

type Locations = Awaited<ReturnType<typeof messageLocationsOf>>;

/** The store's zone for a message at a store, else `fallbackZone`. */
function zoneOf(message: StoredMessage, locations: Locations, fallbackZone: string): string {
  return (message.locationId && locations.get(message.locationId)?.timeZone) || fallbackZone;
}

/**
 * The order's messages, Shopify's among them, in the order they were (or will be) sent. Those
 * with no store of their own (Shopify's) are dated in the order's store's zone, so the card
 * reads in one zone.
 */
export async function customerMessagesOfOrder(shop: string, orderId: string, shopZone: string): Promise<MessageView[]> {
  const messages = await messagesOfOrder(prisma, shop, orderId);
  if (messages.length === 0) return [];
  const [locations, sentAnotherWay] = await Promise.all([
    messageLocationsOf(prisma, shop),
    failedMessagesSentAnotherWay(prisma, shop, messages),
  ]);
  const atStore = messages.find((message) => message.locationId && locations.get(message.locationId)?.timeZone);
  const orderZone = atStore ? zoneOf(atStore, locations, shopZone) : shopZone;
  return messages
    .sort((a, b) => timeOf(a) - timeOf(b))
    .map((message) => messageView(message, zoneOf(message, locations, orderZone), sentAnotherWay.has(message.id)));
}

export interface MessageLogQuery {
  status?: NotificationStatus;
  channel?: NotificationChannel;
  locationId?: string;
  /** YYYY-MM-DD, in the shop's zone, both days included. */
  from?: string;
  to?: string;
  cursor?: string;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

function localDate(value: string | null): LocalDate | null {
  const match = DAY.exec(value ?? "");
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  // 2026-02-31 is no day: it would roll over into March.
  const rolled = addDays(date, 0);
  return rolled.month === date.month && rolled.day === date.day && date.year >= 2000 ? date : null;
}

/** The log's filters from the page's query; a value the page would not send is ignored, not refused. */
export function readMessageLogQuery(params: URLSearchParams): MessageLogQuery {
  const query: MessageLogQuery = {};
  const status = oneOf(params.get("status"), MESSAGE_STATUSES);
  const channel = oneOf(params.get("channel"), MESSAGE_CHANNELS);
  const locationId = params.get("store") ?? "";
  const cursor = params.get("cursor") ?? "";
  if (status) query.status = status;
  if (channel) query.channel = channel;
  if (LOCATION_ID.test(locationId)) query.locationId = locationId;
  if (localDate(params.get("from"))) query.from = params.get("from")!;
  if (localDate(params.get("to"))) query.to = params.get("to")!;
  if (UUID.test(cursor)) query.cursor = cursor;
  return query;
}

export interface MessageLogRow extends MessageView {
  orderName: string;
  storeName: string | null;
}

export interface MessageLogPage {
  rows: MessageLogRow[];
  nextCursor: string | null;
  /** The store the log is filtered by, named for its picker; null when not filtered (or not the shop's). */
  storeName: string | null;
}

/** A page of the shop's messages, newest first, with the name of the store it is filtered by. */
export async function messageLog(
  shop: string,
  query: MessageLogQuery,
  shopZone: string,
  pageSize: number,
): Promise<MessageLogPage> {
  const filter: MessageLogFilter = { take: pageSize + 1 };
  if (query.status) filter.status = query.status;
  if (query.channel) filter.channel = query.channel;
  if (query.locationId) filter.locationId = query.locationId;
  if (query.cursor) filter.cursor = query.cursor;
  const from = localDate(query.from ?? null);
  const to = localDate(query.to ?? null);
  if (from) filter.from = instantAt(from, 0, shopZone);
  if (to) filter.before = instantAt(addDays(to, 1), 0, shopZone);
  const [found, locations] = await Promise.all([
    listShopMessages(prisma, shop, filter),
    messageLocationsOf(prisma, shop),
  ]);
  const messages = found.slice(0, pageSize);
  const [names, sentAnotherWay] = await Promise.all([
    orderNamesOf(prisma, shop, [...new Set(messages.map((message) => message.orderId))]),
    failedMessagesSentAnotherWay(prisma, shop, messages),
  ]);
  return {
    rows: messages.map((message) => ({
      ...messageView(message, zoneOf(message, locations, shopZone), sentAnotherWay.has(message.id)),
      orderName: names.get(message.orderId) ?? `Order ${message.orderId}`,
      storeName: message.locationId ? (locations.get(message.locationId)?.name ?? null) : null,
    })),
    nextCursor: found.length > pageSize ? (messages.at(-1)?.id ?? null) : null,
    storeName: query.locationId ? (locations.get(query.locationId)?.name ?? null) : null,
  };
}

/**
 * A staff member's resend of a FAILED message: back to SCHEDULED, due now, for the sending job.
 * Any other status is refused: a sent message is not sent twice, a scheduled one is on its way.
 */
export async function resendFailedMessage(shop: string, id: string, by: string, now: Date): Promise<ResendOutcome> {
  if (!UUID.test(id)) return { outcome: "NOT_FOUND" };
  return rescheduleFailedMessage(prisma, shop, id, by, now);
}
