import { afterAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { appJobQueue } from "~/jobs/app-job-queue.server";
import { stopJobQueue } from "~/jobs/jobs.server";
import { action as routingCompleteRoute } from "~/routes/webhooks.fulfillment_orders.order_routing_complete";
import { webhookRequest } from "../../../../tests/support/shopify-app";
import { installedShop, uniqueShop } from "../../../../tests/support/shops";
import { statementsSentDuring } from "../../../../tests/support/statements";

/** fulfillment_orders/order_routing_complete, hand-signed as Shopify sends it: the event and its two jobs in one statement (decision 048). */

afterAll(async () => {
  await stopJobQueue();
});

const FULFILLMENT_ORDER = "gid://shopify/FulfillmentOrder/6001";

function deliverRoutingComplete(shop: string, eventId: string): Promise<Response> {
  const request = webhookRequest("/webhooks/fulfillment_orders/order_routing_complete", {
    topic: "fulfillment_orders/order_routing_complete",
    shop,
    eventId,
    body: JSON.stringify({ fulfillment_order: { id: FULFILLMENT_ORDER, status: "open" } }),
  });
  return routingCompleteRoute({ request, params: {}, context: {} });
}

/** The shop's queued jobs: queue, payload, and how long each is held back. */
async function queuedJobs(shop: string) {
  return prisma.$queryRaw<{ name: string; data: Record<string, unknown>; heldBackSeconds: number }[]>`
    SELECT name, data, round(extract(epoch FROM start_after - created_on))::int AS "heldBackSeconds"
      FROM pgboss.job WHERE data->>'shop' = ${shop} ORDER BY name`;
}

describe("fulfillment_orders/order_routing_complete", () => {
  it("records the event and queues the routing trigger and the store-task sync after routing's turn, once however often it comes", async () => {
    const shop = await installedShop();

    await appJobQueue(); // its queues made, as a running app's are
    const first = await statementsSentDuring(() => deliverRoutingComplete(shop, "rc-1"));
    const answers = [first.result.status];
    for (let delivery = 0; delivery < 2; delivery++) answers.push((await deliverRoutingComplete(shop, "rc-1")).status);

    expect(answers).toEqual([200, 200, 200]);
    expect(first.sent).toHaveLength(1);
    expect(first.sent[0]).toMatch(
      /INSERT INTO "WebhookEvent"[\s\S]*INSERT INTO pgboss\.job[\s\S]*INSERT INTO pgboss\.job/,
    );
    expect(await prisma.webhookEvent.count({ where: { shop, eventId: "rc-1" } })).toBe(1);
    const jobs = await queuedJobs(shop);
    expect(jobs.map(({ name, data }) => ({ name, data }))).toEqual([
      { name: "routing.resolve-trigger", data: { shop, fulfillmentOrderId: FULFILLMENT_ORDER } },
      { name: "store-tasks.sync-fulfillment-order", data: { shop, fulfillmentOrderId: "6001", unlessRouted: true } },
    ]);
    expect(jobs[0]!.heldBackSeconds).toBe(0);
    expect(jobs[1]!.heldBackSeconds).toBeGreaterThan(0);
  });

  it("keeps nothing and queues nothing for a shop that never installed the app", async () => {
    const shop = uniqueShop();

    const answer = await deliverRoutingComplete(shop, "rc-2");

    expect(answer.status).toBe(200);
    expect(await prisma.webhookEvent.count({ where: { shop } })).toBe(0);
    expect(await queuedJobs(shop)).toEqual([]);
  });
});
