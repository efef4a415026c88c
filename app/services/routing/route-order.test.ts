import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { upsertOrderFacts } from "~/models/routed-orders.server";
import { UnreadableRowError } from "~/models/stored-json";
import { createAdminClient } from "~/shopify/admin-client.server";
import type { CostMeter } from "~/shopify/cost-meter";
import { shippedOrderFacts } from "../../../tests/support/order-facts";
import { uniqueShop } from "../../../tests/support/shops";
import { claimRoutingLease } from "~/models/routing-leases.server";
import { resolveRoutingTrigger, routeOrderJob } from "./route-order.server";

/**
 * The routing job moves fulfilment orders only where a decision it can read says: a stored
 * decision that does not parse stops the job, naming the row, before anything is moved.
 */

const ORDER_ID = "1001";

/** An Admin client whose Shopify holds one open fulfilment order at the warehouse; records the mutations sent. */
function fakeShopify(shop: string) {
  const mutations: string[] = [];
  const client = createAdminClient({
    shop,
    send: async ({ query, operationName }) => {
      if (query.trimStart().startsWith("mutation")) {
        mutations.push(operationName);
        return { status: 200, body: { errors: [{ message: "no mutation expected" }] } };
      }
      if (operationName !== "FulfillmentOrdersForRouting") {
        return { status: 200, body: { errors: [{ message: `unexpected ${operationName}` }] } };
      }
      const fulfillmentOrder = {
        id: "gid://shopify/FulfillmentOrder/1",
        status: "OPEN",
        assignedLocation: { location: { id: "gid://shopify/Location/2001" } },
        deliveryMethod: { methodType: "SHIPPING" },
        supportedActions: [{ action: "MOVE" }],
        lineItems: {
          pageInfo: { hasNextPage: false },
          nodes: [
            {
              id: "gid://shopify/FulfillmentOrderLineItem/11",
              sku: "TEE-M",
              inventoryItemId: "gid://shopify/InventoryItem/4700001",
              totalQuantity: 1,
              remainingQuantity: 1,
            },
          ],
        },
      };
      const data = { order: { fulfillmentOrders: { pageInfo: { hasNextPage: false }, nodes: [fulfillmentOrder] } } };
      return { status: 200, body: { data } };
    },
  });
  return { client, mutations };
}

describe("the routing job", () => {
  it("refuses to move an order whose stored decision it cannot read", async () => {
    const shop = uniqueShop();
    await upsertOrderFacts(prisma, shop, shippedOrderFacts(ORDER_ID), "WEBHOOK");
    // Assignments in a shape no version of the app wrote, as a bad migration or a hand edit could leave them.
    const { id } = await prisma.routingDecision.create({
      data: {
        shop,
        orderId: ORDER_ID,
        status: "ROUTED",
        assignments: [{ location: "1001", items: ["TEE-M"] }],
        trace: { stages: [] },
        deliveryMethod: "SHIPPING",
        serviceLevel: "STANDARD",
        moveStatus: "PENDING",
      },
      select: { id: true },
    });
    const shopify = fakeShopify(shop);

    const run = routeOrderJob({ shop, orderId: ORDER_ID }, { client: () => shopify.client, now: () => new Date() });

    await expect(run).rejects.toThrow(UnreadableRowError);
    await expect(run).rejects.toThrow(`RoutingDecision ${id} has unreadable assignments: `);
    expect(shopify.mutations).toEqual([]);
    expect(await prisma.fulfillmentMove.count({ where: { shop } })).toBe(0);
    const decision = await prisma.routingDecision.findUniqueOrThrow({ where: { id }, select: { moveStatus: true } });
    expect(decision.moveStatus).toBe("PENDING");
    // The failed run gives its claim on the order back for the retry.
    expect(await prisma.routingLease.count({ where: { shop } })).toBe(0);
  });
});

/** The routing jobs queued for the order, with how long after now each may start. */
async function queuedRoutingJobs(shop: string) {
  return prisma.$queryRaw<{ name: string; data: unknown; delaySeconds: number }[]>`
    SELECT name, data, extract(epoch FROM start_after - now())::float8 AS "delaySeconds"
      FROM pgboss.job
     WHERE name LIKE 'routing.%' AND data->>'shop' = ${shop} AND state = 'created'`;
}

describe("two runs of one order's routing", () => {
  it("the second, finding the order held, moves nothing, leaves the claim alone and looks again a second later", async () => {
    const shop = uniqueShop();
    await upsertOrderFacts(prisma, shop, shippedOrderFacts(ORDER_ID), "WEBHOOK");
    const holder = crypto.randomUUID();
    await claimRoutingLease(prisma, shop, ORDER_ID, holder, new Date(), 60);
    const shopify = fakeShopify(shop);
    const calls: string[] = [];
    const client = () =>
      createAdminClient({
        shop,
        send: async ({ operationName }) => {
          calls.push(operationName);
          return { status: 200, body: { errors: [{ message: "no call expected" }] } };
        },
      });

    const outcome = await routeOrderJob({ shop, orderId: ORDER_ID }, { client, now: () => new Date() });

    expect(outcome).toEqual({ kind: "BUSY" });
    expect(calls).toEqual([]);
    expect(shopify.mutations).toEqual([]);
    expect(await prisma.routingDecision.count({ where: { shop } })).toBe(0);
    expect(await prisma.routingLease.findMany({ where: { shop }, select: { holder: true } })).toEqual([{ holder }]);
    const queued = await queuedRoutingJobs(shop);
    expect(queued.map(({ name, data }) => ({ name, data }))).toEqual([
      { name: "routing.route-order", data: { shop, orderId: ORDER_ID } },
    ]);
    expect(queued[0]!.delaySeconds).toBeGreaterThan(0.5);
  });

  it("a trigger whose order another run holds queues the order's routing, with what finding the order cost", async () => {
    const shop = uniqueShop();
    await claimRoutingLease(prisma, shop, ORDER_ID, crypto.randomUUID(), new Date(), 60);
    const client = (_shop: string, costMeter: CostMeter) =>
      createAdminClient({
        shop,
        costMeter,
        send: async ({ operationName }) => {
          if (operationName !== "FulfillmentOrderOrder") {
            return { status: 200, body: { errors: [{ message: `unexpected ${operationName}` }] } };
          }
          return {
            status: 200,
            body: {
              data: {
                fulfillmentOrder: {
                  id: "gid://shopify/FulfillmentOrder/1",
                  order: { id: `gid://shopify/Order/${ORDER_ID}` },
                },
              },
              extensions: {
                cost: {
                  requestedQueryCost: 3,
                  actualQueryCost: 2,
                  throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1998, restoreRate: 100 },
                },
              },
            },
          };
        },
      });

    const orderId = await resolveRoutingTrigger(
      { shop, fulfillmentOrderId: "gid://shopify/FulfillmentOrder/1" },
      { client, now: () => new Date() },
    );

    expect(orderId).toBe(ORDER_ID);
    expect(await prisma.routingDecision.count({ where: { shop } })).toBe(0);
    const queued = await queuedRoutingJobs(shop);
    expect(queued.map(({ name, data }) => ({ name, data }))).toEqual([
      { name: "routing.route-order", data: { shop, orderId: ORDER_ID, triggerCost: { requested: 3, actual: 2 } } },
    ]);
  });
});
