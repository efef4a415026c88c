import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { recordInstallation } from "~/models/shop-installations.server";
import { deleteWebhookEventsReceivedBefore, recordWebhookEventOnce } from "~/models/webhook-events.server";
import { uniqueShop } from "../../../tests/support/shops";
import { pruneWebhookEvents, WEBHOOK_EVENT_RETENTION_DAYS } from "./webhook-event-retention.server";

const NOW = new Date("2026-11-27T09:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 60 * 60 * 1000);

async function received(shop: string, eventId: string, receivedAt: Date): Promise<void> {
  await prisma.webhookEvent.create({
    data: { shop, topic: "orders/create", eventId, webhookId: eventId, apiVersion: "2026-04", receivedAt, payload: {} },
  });
}

const eventIdsOf = async (shop: string) =>
  (await prisma.webhookEvent.findMany({ where: { shop }, orderBy: { eventId: "asc" } })).map((event) => event.eventId);

describe("webhook event retention", () => {
  it(`deletes each installed shop's events older than ${WEBHOOK_EVENT_RETENTION_DAYS} days and keeps the rest deduplicating`, async () => {
    const [first, second] = [uniqueShop(), uniqueShop()];
    for (const shop of [first, second]) {
      await recordInstallation(prisma, shop, null, daysAgo(90));
      await received(shop, "old", daysAgo(WEBHOOK_EVENT_RETENTION_DAYS + 1));
      await received(shop, "recent", daysAgo(WEBHOOK_EVENT_RETENTION_DAYS - 1));
    }

    const pruned = await pruneWebhookEvents(NOW);

    expect(pruned.get(first)).toBe(1);
    expect(pruned.get(second)).toBe(1);
    expect(await eventIdsOf(first)).toEqual(["recent"]);
    expect(await eventIdsOf(second)).toEqual(["recent"]);
    // A redelivery of a kept event still has no second effect.
    const redelivered = await prisma.$transaction((tx) =>
      recordWebhookEventOnce(
        tx,
        {
          shop: first,
          topic: "orders/create",
          eventId: "recent",
          webhookId: "again",
          apiVersion: "2026-04",
          triggeredAt: null,
          customerId: null,
          orderIds: [],
          payload: {},
        },
        { requireInstalled: false },
      ),
    );
    expect(redelivered).toBeNull();
  });

  it("deletes in batches until none older is left", async () => {
    const shop = uniqueShop();
    for (let index = 0; index < 7; index += 1) await received(shop, `old-${index}`, daysAgo(40));
    await received(shop, "new", daysAgo(1));

    expect(await deleteWebhookEventsReceivedBefore(prisma, shop, daysAgo(30), 3)).toBe(7);
    expect(await eventIdsOf(shop)).toEqual(["new"]);
  });
});
