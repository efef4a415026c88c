import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import prisma, { sqlPool } from "~/db.server";
import { stopJobQueue } from "~/jobs/jobs.server";
import { recordMove, type MoveRecord } from "~/models/routing-decisions.server";
import { claimRoutingLease } from "~/models/routing-leases.server";
import { action as fulfillmentOrdersMovedRoute } from "~/routes/webhooks.fulfillment_orders.moved";
import { webhookRequest } from "../../../../tests/support/shopify-app";
import { installedShop } from "../../../../tests/support/shops";

/** fulfillment_orders/moved, hand-signed as Shopify sends it, after the routing job's record of the move or before it. */

afterAll(async () => {
  await stopJobQueue();
});

const ORIGINAL = "gid://shopify/FulfillmentOrder/5001";
const MOVED = "gid://shopify/FulfillmentOrder/5002";
const WAREHOUSE = "70000000001";
const STORE = "70000000002";
const OTHER_STORE = "70000000003";

function deliverMoved(shop: string, sourceLocationId = WAREHOUSE): Promise<Response> {
  const body = JSON.stringify({
    original_fulfillment_order: { id: ORIGINAL, status: "closed" },
    moved_fulfillment_order: { id: MOVED, status: "open" },
    destination_location_id: `gid://shopify/Location/${STORE}`,
    source_location: { id: `gid://shopify/Location/${sourceLocationId}` },
  });
  const request = webhookRequest("/webhooks/fulfillment_orders/moved", {
    topic: "fulfillment_orders/moved",
    shop,
    body,
  });
  return fulfillmentOrdersMovedRoute({ request, params: {}, context: {} });
}

function recordRoutingMove(shop: string, record: Partial<MoveRecord>): Promise<void> {
  return recordMove(sqlPool, shop, {
    orderId: "9001",
    fulfillmentOrderId: ORIGINAL,
    fromLocationId: WAREHOUSE,
    toLocationId: STORE,
    lineItems: null,
    status: "MOVED",
    movedFulfillmentOrderId: MOVED,
    attempted: true,
    ...record,
  });
}

/** The store-task syncs queued for the shop, by numeric fulfilment order id. */
async function queuedStoreTaskSyncs(shop: string): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ fulfillmentOrderId: string }[]>`
    SELECT data->>'fulfillmentOrderId' AS "fulfillmentOrderId" FROM pgboss.job
     WHERE name = 'store-tasks.sync-fulfillment-order' AND data->>'shop' = ${shop}`;
  return rows.map((row) => row.fulfillmentOrderId).sort();
}

describe("fulfillment_orders/moved", () => {
  it("queues no store-task sync for a move the routing job recorded as done: that record queued them", async () => {
    const shop = await installedShop();
    await recordRoutingMove(shop, {});

    const response = await deliverMoved(shop);

    expect(response.status).toBe(200);
    expect(await queuedStoreTaskSyncs(shop)).toEqual([]);
    const move = await prisma.fulfillmentMove.findFirstOrThrow({ where: { shop } });
    expect(move).toMatchObject({ status: "MOVED", movedFulfillmentOrderId: MOVED });
  });

  it("confirms a move whose answer the routing job lost, and queues the syncs of both fulfilment orders", async () => {
    const shop = await installedShop();
    await recordRoutingMove(shop, { status: "PENDING", movedFulfillmentOrderId: null, error: "timed out" });

    const response = await deliverMoved(shop);

    expect(response.status).toBe(200);
    expect(await queuedStoreTaskSyncs(shop)).toEqual(["5001", "5002"]);
    const move = await prisma.fulfillmentMove.findFirstOrThrow({ where: { shop } });
    expect(move).toMatchObject({ status: "MOVED", movedFulfillmentOrderId: MOVED, error: null });
  });

  it("queues no store-task sync for a move routing is making (its answer not yet come): that run brings them in step", async () => {
    const shop = await installedShop();
    await recordRoutingMove(shop, { status: "PENDING", movedFulfillmentOrderId: null });
    expect(await claimRoutingLease(sqlPool, shop, "9001", randomUUID(), new Date(), 60)).toBe(true);

    const response = await deliverMoved(shop);

    expect(response.status).toBe(200);
    expect(await queuedStoreTaskSyncs(shop)).toEqual([]);
    const move = await prisma.fulfillmentMove.findFirstOrThrow({ where: { shop } });
    expect(move).toMatchObject({ status: "MOVED", movedFulfillmentOrderId: MOVED });
  });

  it("queues the syncs of a pending move whose routing run has let go of the order (a lapsed claim)", async () => {
    const shop = await installedShop();
    await recordRoutingMove(shop, { status: "PENDING", movedFulfillmentOrderId: null });
    const longAgo = new Date(Date.now() - 5 * 60_000);
    expect(await claimRoutingLease(sqlPool, shop, "9001", randomUUID(), longAgo, 60)).toBe(true);

    await deliverMoved(shop);

    expect(await queuedStoreTaskSyncs(shop)).toEqual(["5001", "5002"]);
  });

  it("queues the syncs of both fulfilment orders for a move the app did not make (the merchant's, in admin)", async () => {
    const shop = await installedShop();

    const response = await deliverMoved(shop);

    expect(response.status).toBe(200);
    expect(await queuedStoreTaskSyncs(shop)).toEqual(["5001", "5002"]);
    expect(await prisma.fulfillmentMove.count({ where: { shop } })).toBe(0);
  });

  it("queues the syncs again when the routing job's record names another moved fulfilment order", async () => {
    const shop = await installedShop();
    await recordRoutingMove(shop, { movedFulfillmentOrderId: "gid://shopify/FulfillmentOrder/4999" });

    await deliverMoved(shop);

    expect(await queuedStoreTaskSyncs(shop)).toEqual(["5001", "5002"]);
  });

  it("queues the syncs when a merchant sends a routed fulfilment order back to routing's store from another one", async () => {
    // Routing moved it from the warehouse to the store; the merchant moved it on to another store
    // and now back: the same fulfilment orders and destination as routing's move, from elsewhere.
    const shop = await installedShop();
    await recordRoutingMove(shop, {});

    const response = await deliverMoved(shop, OTHER_STORE);

    expect(response.status).toBe(200);
    expect(await queuedStoreTaskSyncs(shop)).toEqual(["5001", "5002"]);
    const move = await prisma.fulfillmentMove.findFirstOrThrow({ where: { shop } });
    expect(move).toMatchObject({ fromLocationId: WAREHOUSE, status: "MOVED", movedFulfillmentOrderId: MOVED });
  });
});
