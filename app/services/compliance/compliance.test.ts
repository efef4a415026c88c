import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import { appJobQueue } from "~/jobs/app-job-queue.server";
import { stopJobQueue } from "~/jobs/jobs.server";
import { SHOP_DATA_TABLES } from "~/models/data-registry.server";
import { action as dataRequestWebhook } from "~/routes/webhooks.customers.data_request";
import { action as customerRedactWebhook } from "~/routes/webhooks.customers.redact";
import { action as shopRedactWebhook } from "~/routes/webhooks.shop.redact";
import { startWorkers } from "~/worker.server";
import { eventually } from "../../../tests/support/jobs";
import { webhookRequest } from "../../../tests/support/shopify-app";
import { uniqueShop } from "../../../tests/support/shops";

const JOHN = { id: 191167, email: "john@example.com", phone: "555-625-1199" };
const JANE = { id: 200001, email: "jane@example.com", phone: "555-000-1111" };

/** Puts a row for the shop in every registered table, with data of two customers. */
async function seedShop(shop: string): Promise<void> {
  await prisma.session.create({ data: { id: `offline_${shop}`, shop, state: "s", accessToken: "shpat_x" } });
  await prisma.shopInstallation.create({ data: { shop } });
  // The inventory mirror (no customer data in it).
  await prisma.location.create({
    data: {
      shop,
      locationId: "1",
      name: "Lincoln Park",
      isActive: true,
      fulfillsOnlineOrders: true,
      pickupEnabled: true,
      syncedAt: new Date(),
      profile: { create: { kind: "STORE", timeZone: "America/Chicago" } },
    },
  });
  await prisma.inventoryLevel.create({
    data: { shop, locationId: "1", inventoryItemId: "111", sku: "TEE-M", available: 5, sourceUpdatedAt: new Date() },
  });
  await prisma.variantInventoryItem.create({
    data: {
      shop,
      variantId: "222",
      inventoryItemId: "111",
      sku: "TEE-M",
      productTitle: "Tee",
      variantTitle: "M",
      syncedAt: new Date(),
    },
  });
  await prisma.routingSettingsVersion.create({ data: { shop, version: 1, settings: { storeMinUnits: 3 } } });
  await prisma.itemBinLocation.create({
    data: { shop, locationId: "1", sku: "TEE-M", code: "Aisle 4, Bin 12", source: "MERCHANT", confirmedAt: new Date() },
  });
  await prisma.storeSettings.create({
    data: { shop, settings: { pickTargetSeconds: 300 }, updatedBy: "Staff member 1" },
  });
  await prisma.staffNickname.create({ data: { shop, staffMemberId: "12345", nickname: "Sam" } });
  // A SKU an associate reported missing, held out of routing at the store (no customer data in it).
  await prisma.exceptionHold.create({
    data: {
      shop,
      locationId: "1",
      sku: "TEE-M",
      taskId: "00000000-0000-4000-8000-000000000001",
      heldSince: new Date(),
    },
  });
  for (const [customer, orderId, requestId] of [
    [JOHN, "299938", "request-a"],
    [JANE, "777777", "request-b"],
  ] as const) {
    await prisma.webhookEvent.create({
      data: {
        shop,
        topic: "ORDERS_CREATE",
        eventId: `order-${orderId}-${shop}`,
        webhookId: `w-${orderId}`,
        apiVersion: "2026-04",
        customerId: String(customer.id),
        orderIds: [orderId],
        payload: { id: Number(orderId), email: customer.email, phone: customer.phone },
      },
    });
    await prisma.customerDataRequest.create({
      data: { shop, requestId, customerId: String(customer.id), email: customer.email, phone: customer.phone },
    });
    // Order routing: the order's facts, its decision, a move and a reservation.
    await prisma.routedOrder.create({
      data: {
        shop,
        orderId,
        name: `#${orderId}`,
        placedAt: new Date(),
        latitude: 41.88,
        longitude: -87.63,
        lines: [{ sku: "TEE-M", quantity: 1 }],
        customerId: String(customer.id),
        source: "WEBHOOK",
      },
    });
    await prisma.routingDecision.create({
      data: {
        shop,
        orderId,
        status: "ROUTED",
        assignments: [{ locationId: "1", lines: [{ sku: "TEE-M", quantity: 1 }], cost: 8, distanceMiles: 1 }],
        trace: { stages: [] },
        deliveryMethod: "SHIPPING",
        serviceLevel: "STANDARD",
      },
    });
    await prisma.fulfillmentMove.create({
      data: {
        shop,
        orderId,
        fulfillmentOrderId: `gid://shopify/FulfillmentOrder/${orderId}1`,
        fromLocationId: "2",
        toLocationId: "1",
        status: "MOVED",
      },
    });
    await prisma.inventoryReservation.create({
      data: { shop, orderId, locationId: "1", sku: "TEE-M", quantity: 1 },
    });
    // A run routing the order holds it for a few seconds.
    await prisma.routingLease.create({
      data: { shop, orderId, holder: crypto.randomUUID(), expiresAt: new Date(Date.now() + 60_000) },
    });
    // The pickup promise the order was given at checkout.
    await prisma.orderPickupPromise.create({
      data: {
        shop,
        orderId,
        locationId: "1",
        locationName: "Lincoln Park",
        status: "PROMISED",
        readyBy: new Date(),
        headline: "Ready today by 4:00 PM",
        promisedAt: new Date(),
      },
    });
    // Store fulfilment: the order's pickup task, waiting at the curb, with its line, event,
    // delivery photo and the store's alert email.
    await prisma.storeTask.create({
      data: {
        shop,
        fulfillmentOrderId: `${orderId}1`,
        orderId,
        orderName: `#${orderId}`,
        locationId: "1",
        kind: "PICKUP",
        customerName: customer === JOHN ? "John" : "Jane",
        pickupCode: customer === JOHN ? "K7M4QX" : "P3R8TW",
        assignedAt: new Date(),
        customerWaitingAt: new Date(),
        customerWaitingSpot: `Spot 4, call ${customer.phone}`,
        lines: { create: { shop, lineItemId: `${orderId}2`, position: 0, sku: "TEE-M", title: "Tee", quantity: 1 } },
        events: { create: { shop, toState: "NEW", locationId: "1", at: new Date() } },
        photos: {
          create: {
            shop,
            purpose: "DELIVERY",
            contentType: "image/jpeg",
            bytes: Buffer.from([0xff, 0xd8, 0xff, 0xd9]),
            width: 1,
            height: 1,
            takenAt: new Date(),
            clientRequestId: `photo-${orderId}`,
          },
        },
        alertEmail: { create: { shop, recipient: "store1@example.com", status: "SENT" } },
      },
    });
    // Customer notifications: the order's messages, the number's opt-out and consent.
    const e164 = `+1${customer.phone.replace(/\D/g, "")}`;
    await prisma.notification.createMany({
      data: [
        { shop, orderId, step: "READY_SMS", channel: "SMS", recipient: e164, sendAt: new Date() },
        { shop, orderId, step: "FEEDBACK_EMAIL", channel: "EMAIL", recipient: customer.email, sendAt: new Date() },
      ],
    });
    await prisma.smsOptOut.create({ data: { shop, phone: e164, source: "STOP_REPLY" } });
    await prisma.smsUndeliverableNumber.create({ data: { shop, phone: e164, errorCode: "30006" } });
    await prisma.uncollectedCancellation.create({
      data: { shop, orderId, status: "CANCELLED", restock: true, refund: false },
    });
    await prisma.smsConsent.create({
      data: { shop, phone: e164, scope: "TRANSACTIONAL", source: "PICKUP_PASS", wording: "Text me updates", orderId },
    });
    await prisma.orderContact.create({
      data: {
        shop,
        orderId,
        email: customer.email,
        orderPhone: customer.phone,
        shippingPhone: customer.phone,
        smsMarketingConsent: true,
        customerId: "7001",
      },
    });
    await prisma.emailSuppression.create({
      data: { shop, email: customer.email, scope: "ALL", kind: "UNSUBSCRIBED" },
    });
    await prisma.vendorEventReceipt.create({ data: { shop, provider: "SENDGRID", eventId: crypto.randomUUID() } });
  }
  await prisma.shopMessagingAccount.create({ data: { shop, smsHelpText: "Reply STOP to opt out" } });
  await prisma.notificationSettings.create({ data: { shop, settings: {} } });
  await prisma.locationDailyOrders.create({
    data: { shop, locationId: "1", day: new Date("2026-11-30T00:00:00Z"), orders: 3 },
  });
  // A "Compare with the last 30 days" listing each customer's order as one the draft moves, and
  // the totals kept with version 1 (plain SQL: these tables are read and written that way).
  for (const orderId of ["299938", "777777"]) {
    const listed = { orderId, name: `#${orderId}` };
    await prisma.$executeRaw`
      INSERT INTO "RoutingComparison" ("id", "shop", "status", "draftSettings", "rangeFrom", "rangeTo", "timeZone",
        "currency", "orders", "stepsDone", "stepsTotal", "report")
      VALUES (gen_random_uuid(), ${shop}, 'DONE', '{}'::jsonb, now(), now(), 'America/Chicago', 'USD', 1, 5, 5,
        ${JSON.stringify({ changedOrders: { total: 1, listed: [listed] } })}::jsonb)`;
  }
  await prisma.$executeRaw`
    INSERT INTO "RoutingSettingsComparison" ("shop", "version", "comparisonId", "rangeFrom", "rangeTo", "currency", "totals", "comparedAt")
    VALUES (${shop}, 1, gen_random_uuid(), now(), now(), 'USD', '{"orders":1,"columns":[]}'::jsonb, now())`;
}

async function rowsHeldFor(shop: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of SHOP_DATA_TABLES) {
    const [row] = await prisma.$queryRawUnsafe<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM "${table.model}" WHERE shop = $1`,
      shop,
    );
    counts[table.model] = row?.count ?? 0;
  }
  return counts;
}

/** Every text value stored for the shop, so a test can look for a customer's details anywhere. */
async function everythingStoredFor(shop: string): Promise<string> {
  const dumps: unknown[] = [];
  for (const table of SHOP_DATA_TABLES) {
    dumps.push(await prisma.$queryRawUnsafe(`SELECT * FROM "${table.model}" WHERE shop = $1`, shop));
  }
  return JSON.stringify(dumps, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
}

beforeAll(async () => {
  await startWorkers(await appJobQueue("worker"));
});

afterAll(async () => {
  await stopJobQueue();
});

describe("compliance webhooks", () => {
  it("shop/redact leaves no row for the shop in any registered table and leaves other shops untouched", async () => {
    const [shop, neighbour] = [uniqueShop(), uniqueShop()];
    await seedShop(shop);
    await seedShop(neighbour);
    const before = await rowsHeldFor(neighbour);
    // Jobs of each shop waiting in the queue, and one completed days ago, as pg-boss keeps them.
    const boss = await appJobQueue();
    for (const [name, state] of [
      [shop, "created"],
      [shop, "completed"],
      [neighbour, "created"],
    ] as const) {
      await boss
        .getDb()
        .executeSql(
          `INSERT INTO pgboss.job (name, data, state, start_after) VALUES ('routing.route-order', $1, $2, now() + interval '1 hour')`,
          [{ shop: name, orderId: "299938" }, state],
        );
    }
    const jobsOf = async (name: string) =>
      (
        (await boss.getDb().executeSql(`SELECT count(*)::int AS n FROM pgboss.job WHERE data->>'shop' = $1`, [name]))
          .rows[0] as { n: number }
      ).n;

    const response = await shopRedactWebhook({
      request: webhookRequest("/webhooks/shop/redact", {
        topic: "shop/redact",
        shop,
        body: JSON.stringify({ shop_id: 954889, shop_domain: shop }),
      }),
      params: {},
      context: {},
    });
    expect(response.status).toBe(200);

    await eventually(async () => Object.values(await rowsHeldFor(shop)).every((count) => count === 0));
    // The shop's jobs went with its data (only the erasure's own row stays, for pg-boss to complete).
    await eventually(async () => (await jobsOf(shop)) <= 1);
    const { rows: left } = await boss
      .getDb()
      .executeSql(`SELECT name FROM pgboss.job WHERE data->>'shop' = $1`, [shop]);
    expect(left).toEqual(left.length === 0 ? [] : [{ name: "compliance.shop-redact" }]);
    expect(await jobsOf(neighbour)).toBeGreaterThan(0);
    expect(await rowsHeldFor(neighbour)).toEqual(before);
    expect(Object.values(before).every((count) => count > 0)).toBe(true);
  });

  it("customers/redact leaves none of that customer's personal data, keeps other customers' and other shops'", async () => {
    const [shop, neighbour] = [uniqueShop(), uniqueShop()];
    await seedShop(shop);
    await seedShop(neighbour);

    const response = await customerRedactWebhook({
      request: webhookRequest("/webhooks/customers/redact", {
        topic: "customers/redact",
        shop,
        body: JSON.stringify({ shop_id: 954889, shop_domain: shop, customer: JOHN, orders_to_redact: [299938] }),
      }),
      params: {},
      context: {},
    });
    expect(response.status).toBe(200);

    await eventually(async () => !(await everythingStoredFor(shop)).includes(JOHN.email));
    const remaining = await everythingStoredFor(shop);
    for (const detail of [JOHN.email, JOHN.phone, "+15556251199", String(JOHN.id), "299938"]) {
      expect(remaining).not.toContain(detail);
    }
    for (const detail of [JANE.email, JANE.phone, "+15550001111"]) expect(remaining).toContain(detail);
    // Nor does the queue: the erasure's job named the stored webhook, never the customer.
    const boss = await appJobQueue();
    const { rows } = await boss
      .getDb()
      .executeSql(
        `SELECT name, data FROM pgboss.job WHERE data->>'shop' = $1 UNION ALL SELECT name, data FROM pgboss.archive WHERE data->>'shop' = $1`,
        [shop],
      );
    expect(rows.length).toBeGreaterThan(0);
    for (const detail of [JOHN.email, JOHN.phone, String(JOHN.id), "299938"]) {
      expect(JSON.stringify(rows)).not.toContain(detail);
    }
    const neighbourData = await everythingStoredFor(neighbour);
    for (const detail of [JOHN.email, JOHN.phone]) expect(neighbourData).toContain(detail);
    // The request record stays, anonymised, as proof the data was asked for.
    expect(await prisma.customerDataRequest.count({ where: { shop, requestId: "request-a" } })).toBe(1);
  });

  it("customers/data_request records the request and assembles what the app holds on that customer only", async () => {
    const shop = uniqueShop();
    await seedShop(shop);

    const response = await dataRequestWebhook({
      request: webhookRequest("/webhooks/customers/data_request", {
        topic: "customers/data_request",
        shop,
        body: JSON.stringify({
          shop_id: 954889,
          shop_domain: shop,
          customer: JOHN,
          orders_requested: [299938],
          data_request: { id: 9999 },
        }),
      }),
      params: {},
      context: {},
    });
    expect(response.status).toBe(200);

    await eventually(async () => {
      const request = await prisma.customerDataRequest.findFirst({ where: { shop, requestId: "9999" } });
      return request?.fulfilledAt != null;
    });
    const request = await prisma.customerDataRequest.findFirstOrThrow({ where: { shop, requestId: "9999" } });
    const report = JSON.stringify(request.report);
    expect(report).toContain(JOHN.email);
    expect(report).toContain("299938");
    expect(report).not.toContain(JANE.email);
    expect(report).not.toContain("777777");
    expect(request.report).not.toBe(Prisma.DbNull);
  });
});
