import { describe, expect, it } from "vitest";
import prisma, { sqlPool } from "~/db.server";
import { routeOrder } from "~/domain/routing";
import { engineOrderOfRecorded } from "~/domain/routing-settings/recorded-order";
import { engineRules } from "~/domain/routing-settings/settings";
import { findOrderFacts } from "~/models/routed-orders.server";
import { findDecision } from "~/models/routing-decisions.server";
import { messageLog } from "~/services/notifications/messages/messages.server";
import { currentRoutingSettings } from "~/services/routing-settings/settings.server";
import { routingLocationsFor } from "~/services/routing/routing-view.server";
import { uniqueShop } from "../../tests/support/shops";
import { scenarios, type Scenario } from "../scenarios";
import { generateDemoHistory, startOfTodayEverywhere } from "./history";
import { planDemoHistory } from "./history-plan";

const DAY_MS = 24 * 60 * 60 * 1000;
const END = new Date("2026-11-30T00:00:00Z");
const OPTIONS = { end: END, days: 30, ordersPerDay: 8 };

/** The scenario's locations and stock in a fresh shop's mirror, as the app's first sync leaves them. */
async function mirrorOf(scenario: Scenario): Promise<string> {
  const shop = uniqueShop();
  const syncedAt = new Date();
  for (const location of scenario.locations) {
    await prisma.location.create({
      data: {
        shop,
        locationId: String(location.id),
        name: location.name,
        latitude: location.address.latitude,
        longitude: location.address.longitude,
        isActive: location.isActive,
        fulfillsOnlineOrders: location.fulfillsOnlineOrders,
        pickupEnabled: location.pickupEnabled,
        syncedAt,
        profile: { create: { kind: location.kind, timeZone: location.profile.timezone } },
      },
    });
  }
  await prisma.inventoryLevel.createMany({
    data: scenario.inventory.map((level, index) => ({
      shop,
      locationId: String(level.locationId),
      inventoryItemId: String(500_000 + index),
      sku: level.sku,
      available: level.available,
      sourceUpdatedAt: syncedAt,
      syncedAt,
    })),
  });
  return shop;
}

describe("the demo's history", () => {
  it("plans the same orders every time, none named like a live order", () => {
    const first = planDemoHistory(scenarios.chicago(), OPTIONS);
    const second = planDemoHistory(scenarios.chicago(), OPTIONS);
    expect(second).toEqual(first);
    expect(first.every((order) => /^#H\d{5}$/.test(order.name))).toBe(true);
    const pickups = first.filter((order) => order.deliveryMethod === "PICK_UP").length;
    expect(pickups / first.length).toBeGreaterThan(0.2);
    expect(pickups / first.length).toBeLessThan(0.4);
  });

  it("ends at the earliest midnight among the shop's and its stores' time zones", () => {
    const now = new Date("2026-12-01T04:30:00Z");
    // 22:30 on 30 November in Chicago: its today began at 06:00 UTC on the 30th.
    expect(startOfTodayEverywhere(scenarios.chicago(), now)).toEqual(new Date("2026-11-30T06:00:00Z"));
  });

  it("records 30 days of orders, each decided by the routing engine as of when it was placed and worked to the end by its store, and a rerun adds nothing", async () => {
    const scenario = scenarios.chicago();
    const shop = await mirrorOf(scenario);

    const result = await generateDemoHistory(shop, scenario, OPTIONS);
    expect(result.recorded).toBe(result.planned);
    expect(result.skipped).toBe(0);

    const decisions = await prisma.routingDecision.findMany({ where: { shop }, orderBy: { decidedAt: "asc" } });
    expect(decisions).toHaveLength(result.planned);
    // Every one of the 30 days has its orders, in a plausible number (8 a day, a third more at weekends).
    const perDay = new Map<number, number>();
    for (const decision of decisions) {
      const day = Math.floor((END.getTime() - decision.decidedAt.getTime()) / DAY_MS);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    expect([...perDay.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, day) => day));
    for (const count of perDay.values()) {
      expect(count).toBeGreaterThanOrEqual(5);
      expect(count).toBeLessThanOrEqual(15);
    }
    // Mostly to stores: the seed's point is fulfilling from them.
    const routed = decisions.filter((decision) => decision.status !== "UNROUTABLE");
    expect(routed.length / decisions.length).toBeGreaterThan(0.9);
    expect(routed.every((decision) => decision.moveStatus === "DONE")).toBe(true);

    // The engine, given the order, the mirror and the settings, decides what was stored.
    const { settings } = await currentRoutingSettings(shop);
    for (const row of decisions) {
      const facts = await findOrderFacts(sqlPool, shop, row.orderId);
      const stored = await findDecision(sqlPool, shop, row.orderId);
      if (!facts || !stored) throw new Error(`order ${row.orderId} lost its facts or decision`);
      const skus = [...new Set(facts.lines.map((line) => line.sku))];
      const locations = await routingLocationsFor(sqlPool, shop, skus, stored.decidedAt, facts.orderId);
      const { order } = engineOrderOfRecorded(facts, settings, locations);
      const decided = order ? routeOrder({ order, locations, rules: engineRules(settings) }) : null;
      expect(stored.assignments, `order ${facts.name}`).toEqual(decided?.assignments ?? []);
      expect(stored.status, `order ${facts.name}`).toBe(decided?.status ?? "UNROUTABLE");
    }

    // Each order sent to a store was worked there to the end, step by step in time; no queue holds it.
    const storeIds = new Set(
      scenario.locations.filter((location) => location.kind === "STORE").map((location) => String(location.id)),
    );
    const tasks = await prisma.storeTask.findMany({ where: { shop }, include: { events: { orderBy: { at: "asc" } } } });
    const storeAssignments = (await Promise.all(decisions.map((row) => findDecision(sqlPool, shop, row.orderId))))
      .flatMap((decision) => decision?.assignments ?? [])
      .filter((assignment) => storeIds.has(assignment.locationId));
    expect(tasks).toHaveLength(storeAssignments.length);
    expect(result.storeTasks).toBe(tasks.length);
    expect(tasks.length).toBeGreaterThan(decisions.length / 2);
    for (const task of tasks) {
      expect(["PICKED_UP", "SHIPPED", "DELIVERED"]).toContain(task.state);
      expect(task.pendingShopifyAction).toBeNull();
      // Done before the history ends: today belongs to the visitor.
      expect(task.events.every((event) => event.at.getTime() < END.getTime())).toBe(true);
      const states = task.events.filter((event) => event.fromState !== event.toState).map((event) => event.toState);
      expect(states).toEqual(
        task.kind === "PICKUP"
          ? ["NEW", "PICKING", "PACKED", "STAGED", "READY", "PICKED_UP"]
          : ["NEW", "PICKING", "PACKED", "SHIPPED"],
      );
      expect(task.startedAt!.getTime()).toBeGreaterThanOrEqual(task.assignedAt.getTime());
      expect(task.packedAt!.getTime()).toBeGreaterThan(task.firstScanAt!.getTime() - 1);
    }
    // No store email for these past orders: the outbox shows only the visitor's.
    expect(await prisma.storeTaskAlertEmail.count({ where: { shop } })).toBe(0);

    // The shoppers' messages, planned by the app's cadence at each store step: those due before the
    // end recorded as sent then and delivered, to the address of their channel; none left to send late.
    const messages = await prisma.notification.findMany({ where: { shop } });
    const delivered = messages.filter((message) => message.status === "DELIVERED");
    expect(result.messages).toBe(delivered.length);
    expect(delivered.length).toBeGreaterThan(tasks.length / 2);
    // By text and email; no push, as this shop has no OneSignal account (the demo's merchant setup gives it one).
    expect(new Set(delivered.map((message) => message.channel))).toEqual(new Set(["SMS", "EMAIL"]));
    for (const message of delivered) {
      expect(message.sentAt).toEqual(message.sendAt);
      expect(message.sentAt!.getTime()).toBeLessThan(END.getTime());
      expect(message.deliveredAt!.getTime()).toBeGreaterThan(message.sentAt!.getTime());
      expect(message.recipient, `${message.step} by ${message.channel}`).toMatch(
        message.channel === "EMAIL" ? /@example\.com$/ : message.channel === "SMS" ? /^\+1\d{10}$/ : /^\d+$/,
      );
    }
    expect(
      messages.filter((message) => message.status === "SCHEDULED" && message.sendAt.getTime() < END.getTime()),
    ).toEqual([]);
    // Every collected pickup had its "ready" news: the app's text, or Shopify's to a shopper who
    // gave a phone at checkout (the app's is then skipped as sent by Shopify), or none without a
    // phone; a text held back by quiet hours past the collection was cancelled by it.
    const readyNews = new Map(
      messages.filter((message) => message.step === "READY_SMS").map((message) => [message.orderId, message]),
    );
    for (const task of tasks.filter((candidate) => candidate.kind === "PICKUP")) {
      const news = readyNews.get(task.orderId);
      const collectedAt = task.events.find((event) => event.toState === "PICKED_UP")!.at;
      if (news?.status === "CANCELLED") expect(news.sendAt.getTime()).toBeGreaterThan(collectedAt.getTime());
      else expect(["DELIVERED", "SKIPPED"], `ready news of ${task.orderName}`).toContain(news?.status);
    }
    expect([...readyNews.values()].some((message) => message.status === "DELIVERED")).toBe(true);
    // Collected reminders were cancelled, not sent.
    expect(messages.some((message) => message.step === "REMINDER_DAY_5" && message.status === "CANCELLED")).toBe(true);
    // The Messages page reads them: delivered texts to masked numbers, with their orders' names.
    const page = await messageLog(shop, { status: "DELIVERED", channel: "SMS" }, scenario.shop.ianaTimezone, 10);
    expect(page.rows).toHaveLength(10);
    for (const row of page.rows) {
      expect(row.orderName).toMatch(/^#H\d{5}$/);
      expect(row.recipient).toMatch(/^\+1 .*\d{4}$/);
    }

    // The past orders hold back no stock from today's.
    const active = await prisma.inventoryReservation.count({ where: { shop, clearedAt: null } });
    expect(active).toBe(0);

    const rerun = await generateDemoHistory(shop, scenario, OPTIONS);
    expect(rerun).toEqual({
      planned: result.planned,
      recorded: 0,
      skipped: result.planned,
      storeTasks: 0,
      messages: 0,
    });
    expect(await prisma.notification.count({ where: { shop } })).toBe(messages.length);
    expect(await prisma.storeTask.count({ where: { shop } })).toBe(tasks.length);
    expect(await prisma.routingDecision.count({ where: { shop } })).toBe(result.planned);
  }, 600_000);
});
