import { describe, expect, it } from "vitest";
import prisma, { sqlPool } from "~/db.server";
import { DEFAULT_ROUTING_SETTINGS } from "~/domain/routing-settings/settings";
import { DEFAULT_STORE_SETTINGS } from "~/domain/store-tasks/settings";
import { shippedOrderDecision, shippedOrderFacts } from "../../tests/support/order-facts";
import { uniqueShop } from "../../tests/support/shops";
import { statementsSentDuring } from "../../tests/support/statements";
import { upsertOrderFacts } from "./routed-orders.server";
import { createDecision, findDecision } from "./routing-decisions.server";
import { claimRoutingLease } from "./routing-leases.server";
import { claimOrderForRouting } from "./routing-run-start.server";
import { appendRoutingSettingsVersion, UnreadableRoutingSettingsError } from "./routing-settings.server";
import { upsertStoreSettings } from "./store-settings.server";

const NOW = new Date("2026-12-03T12:00:00.000Z");
const lease = (holder = crypto.randomUUID(), now = NOW) => ({ holder, now, seconds: 60 });

describe("claiming an order for a routing run", () => {
  it("claims the order and reads its facts and the shop's routing and store settings in one statement", async () => {
    const shop = uniqueShop();
    await upsertOrderFacts(prisma, shop, shippedOrderFacts("4001", { customerId: "7001" }), "WEBHOOK");
    const stricter = { ...DEFAULT_ROUTING_SETTINGS, storeMinUnits: DEFAULT_ROUTING_SETTINGS.storeMinUnits + 2 };
    await appendRoutingSettingsVersion(prisma, shop, DEFAULT_ROUTING_SETTINGS, null);
    await appendRoutingSettingsVersion(prisma, shop, stricter, "Staff member 1");
    const faster = { ...DEFAULT_STORE_SETTINGS, pickTargetSeconds: 240 };
    await upsertStoreSettings(prisma, shop, faster, null);

    const { result: start, sent } = await statementsSentDuring(() =>
      claimOrderForRouting(prisma, shop, "4001", lease()),
    );

    expect(sent).toHaveLength(1);
    expect(start?.facts).toMatchObject({
      orderId: "4001",
      name: "#4001",
      customerId: "7001",
      lines: [{ sku: "TEE-M" }],
    });
    expect(start?.facts?.placedAt).toEqual(new Date("2026-11-27T15:00:00Z"));
    expect(start?.routingSettings).toMatchObject({ version: 2, settings: stricter, changedBy: "Staff member 1" });
    expect(start?.storeSettings).toEqual(faster);
    expect(await prisma.routingLease.count({ where: { shop, orderId: "4001" } })).toBe(1);
  });

  it("reads nothing saved as null: an order orders/create has not brought, a shop that never saved settings", async () => {
    const shop = uniqueShop();

    const start = await claimOrderForRouting(prisma, shop, "4002", lease());

    expect(start).toEqual({ facts: null, routingSettings: null, storeSettings: null, decision: null });
  });

  it("reads the decision an earlier run made as the model reads it, through the plain-SQL pool and Prisma alike", async () => {
    const shop = uniqueShop();
    await upsertOrderFacts(prisma, shop, shippedOrderFacts("4005"), "WEBHOOK");
    await createDecision(prisma, shop, shippedOrderDecision("4005", { settingsVersion: 3, moveStatus: "PENDING" }));
    const stored = await findDecision(prisma, shop, "4005");

    const viaPool = await claimOrderForRouting(sqlPool, shop, "4005", lease());
    const viaPrisma = await claimOrderForRouting(
      prisma,
      shop,
      "4005",
      lease(undefined, new Date(NOW.getTime() + 60_000)),
    );

    expect(stored).toMatchObject({ orderId: "4005", settingsVersion: 3, flags: ["SLA_AT_RISK"] });
    expect(viaPool?.decision).toEqual(stored);
    expect(viaPrisma?.decision).toEqual(stored);
    expect(viaPool?.facts).toMatchObject({ orderId: "4005" });
  });

  it("is null while another run holds the order, and reads nothing for it", async () => {
    const shop = uniqueShop();
    await upsertOrderFacts(prisma, shop, shippedOrderFacts("4003"), "WEBHOOK");
    await claimRoutingLease(prisma, shop, "4003", crypto.randomUUID(), NOW, 60);

    expect(await claimOrderForRouting(prisma, shop, "4003", lease())).toBeNull();
    // Once the other run's claim has lapsed, this one's goes through.
    expect(
      (await claimOrderForRouting(prisma, shop, "4003", lease(undefined, new Date(NOW.getTime() + 60_000))))?.facts,
    ).toMatchObject({ orderId: "4003" });
  });

  it("gives its claim back when what it read does not parse, so the order's next run is not kept waiting", async () => {
    const shop = uniqueShop();
    await appendRoutingSettingsVersion(prisma, shop, DEFAULT_ROUTING_SETTINGS, null);
    await prisma.routingSettingsVersion.updateMany({ where: { shop }, data: { settings: { storeMinUnits: "many" } } });

    await expect(claimOrderForRouting(prisma, shop, "4004", lease())).rejects.toThrow(UnreadableRoutingSettingsError);

    expect(await prisma.routingLease.count({ where: { shop, orderId: "4004" } })).toBe(0);
    expect(await claimRoutingLease(prisma, shop, "4004", crypto.randomUUID(), NOW, 60)).toBe(true);
  });
});
