import prisma from "~/db.server";
import { listInstalledShops } from "~/models/shop-installations.server";
import { deleteWebhookEventsReceivedBefore } from "~/models/webhook-events.server";

/**
 * How long received webhooks are kept. Their ids deduplicate redeliveries, which Shopify makes
 * for up to 48 hours; a month also leaves room to investigate what arrived. Payloads still
 * name customers' orders (an order's body is kept as its summary, without the shopper's
 * addresses or contact: decision 053), so they are not kept longer than that.
 */
export const WEBHOOK_EVENT_RETENTION_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes every installed shop's webhook events older than the retention; returns how many per shop. */
export async function pruneWebhookEvents(now: Date): Promise<Map<string, number>> {
  const before = new Date(now.getTime() - WEBHOOK_EVENT_RETENTION_DAYS * DAY_MS);
  const pruned = new Map<string, number>();
  for (const shop of await listInstalledShops(prisma)) {
    pruned.set(shop, await deleteWebhookEventsReceivedBefore(prisma, shop, before));
  }
  return pruned;
}
