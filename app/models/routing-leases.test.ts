import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { uniqueShop } from "../../tests/support/shops";
import { finishDecisionAttempt, recordMove, SETTLED_GATE, type MoveRecord } from "./routing-decisions.server";
import { claimRoutingLease, releaseRoutingLease } from "./routing-leases.server";

const NOW = new Date("2026-12-02T12:00:00.000Z");
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

describe("a routing lease", () => {
  it("goes to the first run that claims the order, and to no other until it is given back", async () => {
    const shop = uniqueShop();
    const first = crypto.randomUUID();
    const second = crypto.randomUUID();

    expect(await claimRoutingLease(prisma, shop, "1001", first, NOW, 60)).toBe(true);
    expect(await claimRoutingLease(prisma, shop, "1001", second, later(1), 60)).toBe(false);
    // Another order, or the same order id at another shop, is free.
    expect(await claimRoutingLease(prisma, shop, "1002", second, later(1), 60)).toBe(true);
    expect(await claimRoutingLease(prisma, uniqueShop(), "1001", second, later(1), 60)).toBe(true);

    await releaseRoutingLease(prisma, shop, "1001", first);
    expect(await claimRoutingLease(prisma, shop, "1001", second, later(2), 60)).toBe(true);
  });

  it("lapses when its time is up, so a dead worker's claim does not hold the order for ever", async () => {
    const shop = uniqueShop();
    const dead = crypto.randomUUID();
    const next = crypto.randomUUID();
    await claimRoutingLease(prisma, shop, "1001", dead, NOW, 60);

    expect(await claimRoutingLease(prisma, shop, "1001", next, later(59), 60)).toBe(false);
    expect(await claimRoutingLease(prisma, shop, "1001", next, later(60), 60)).toBe(true);
    // The dead run giving it back late leaves the new holder's claim alone.
    await releaseRoutingLease(prisma, shop, "1001", dead);
    expect(await prisma.routingLease.findMany({ where: { shop }, select: { holder: true } })).toEqual([
      { holder: next },
    ]);
  });

  it("is given back by the statement that ends its run's attempt, whether or not the attempt wrote anything else", async () => {
    const shop = uniqueShop();
    const run = crypto.randomUUID();
    const other = crypto.randomUUID();
    await claimRoutingLease(prisma, shop, "1001", run, NOW, 60);
    await claimRoutingLease(prisma, shop, "1002", other, NOW, 60);

    // No decision to write to (an order Shopify did not know): the claim still goes.
    await finishDecisionAttempt(prisma, shop, "1001", {}, run);
    // Ending another order's attempt, or this order's under another holder, leaves a claim alone.
    await finishDecisionAttempt(prisma, shop, "1002", { cost: { requested: 10, actual: 8 } }, run);

    expect(await prisma.routingLease.findMany({ where: { shop }, select: { orderId: true, holder: true } })).toEqual([
      { orderId: "1002", holder: other },
    ]);
    expect(await claimRoutingLease(prisma, shop, "1001", other, later(1), 60)).toBe(true);
  });
});

describe("a routing attempt's end", () => {
  it("makes the writes given for a fulfilment order only when routing settled it (moved or found in place)", async () => {
    const shop = uniqueShop();
    const move = (fulfillmentOrderId: string, status: MoveRecord["status"]): MoveRecord => ({
      orderId: "1001",
      fulfillmentOrderId,
      fromLocationId: "11",
      toLocationId: "12",
      lineItems: null,
      status,
      attempted: false,
    });
    await recordMove(prisma, shop, move("gid://shopify/FulfillmentOrder/1", "MOVED"));
    await recordMove(prisma, shop, move("gid://shopify/FulfillmentOrder/2", "ALREADY_THERE"));
    await recordMove(prisma, shop, move("gid://shopify/FulfillmentOrder/3", "FAILED"));
    await recordMove(prisma, shop, move("gid://shopify/FulfillmentOrder/4", "PENDING"));
    // What the write leaves when made: a claim on an order of its own, named after the fulfilment order.
    const marker = (fulfillmentOrder: string) => ({
      fulfillmentOrderId: `gid://shopify/FulfillmentOrder/${fulfillmentOrder}`,
      writes: [
        (first: number) => ({
          text: `INSERT INTO "RoutingLease" ("shop", "orderId", "holder", "expiresAt")
                 SELECT $1, $${first}, $${first + 1}::uuid, now() FROM ${SETTLED_GATE}`,
          values: [`marked-${fulfillmentOrder}`, crypto.randomUUID()],
        }),
      ],
    });

    for (const fulfillmentOrder of ["1", "2", "3", "4", "5"]) {
      await finishDecisionAttempt(prisma, shop, "1001", {}, crypto.randomUUID(), marker(fulfillmentOrder));
    }

    const marked = await prisma.routingLease.findMany({ where: { shop }, select: { orderId: true } });
    expect(marked.map((lease) => lease.orderId).sort()).toEqual(["marked-1", "marked-2"]);
  });
});
