import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { upsertOrderFacts } from "~/models/routed-orders.server";
import { UnreadableRowError } from "~/models/stored-json";
import { createAdminClient } from "~/shopify/admin-client.server";
import { shippedOrderFacts } from "../../../tests/support/order-facts";
import { uniqueShop } from "../../../tests/support/shops";
import { routeOrderJob } from "./route-order.server";

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
  });
});
