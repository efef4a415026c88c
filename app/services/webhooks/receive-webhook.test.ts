import { Prisma } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import prisma from "~/db.server";
import { action as appUninstalled } from "~/routes/webhooks.app.uninstalled";
import { action as customersRedact } from "~/routes/webhooks.customers.redact";
import { action as shopRedact } from "~/routes/webhooks.shop.redact";
import { MAX_WEBHOOK_BODY_BYTES } from "./authenticate-webhook.server";
import { receiveWebhook } from "./receive-webhook.server";
import { webhookRequest, signWebhookBody } from "../../../tests/support/shopify-app";
import { installedShop, uniqueShop } from "../../../tests/support/shops";

type Action = typeof appUninstalled;

function deliver(action: Action, request: Request) {
  return action({ request, params: {}, context: {} });
}

async function storedEvents(shop: string) {
  return prisma.webhookEvent.count({ where: { shop } });
}

const redactBody = (shop: string) =>
  JSON.stringify({
    shop_id: 954889,
    shop_domain: shop,
    customer: { id: 191167, email: "john@example.com", phone: "555-625-1199" },
    orders_to_redact: [299938, 280263],
  });

describe("receiving a webhook", () => {
  it("accepts a webhook signed with the app secret and records its event once", async () => {
    const shop = uniqueShop();
    const response = await deliver(
      shopRedact,
      webhookRequest("/webhooks/shop/redact", {
        topic: "shop/redact",
        shop,
        body: JSON.stringify({ shop_id: 1, shop_domain: shop }),
      }),
    );
    expect(response.status).toBe(200);
    expect(await storedEvents(shop)).toBe(1);
  });

  it("answers 401 and stores nothing when the HMAC was made with another secret", async () => {
    const shop = uniqueShop();
    const body = JSON.stringify({ shop_id: 1, shop_domain: shop });
    const response = await deliver(
      shopRedact,
      webhookRequest("/webhooks/shop/redact", {
        topic: "shop/redact",
        shop,
        body,
        hmac: signWebhookBody(body, "not-the-secret"),
      }),
    );
    expect(response.status).toBe(401);
    expect(await storedEvents(shop)).toBe(0);
  });

  it("answers 401 and stores nothing when the HMAC header is missing", async () => {
    const shop = uniqueShop();
    const response = await deliver(
      shopRedact,
      webhookRequest("/webhooks/shop/redact", {
        topic: "shop/redact",
        shop,
        body: JSON.stringify({ shop_id: 1, shop_domain: shop }),
        hmac: null,
      }),
    );
    expect(response.status).toBe(401);
    expect(await storedEvents(shop)).toBe(0);
  });

  it("answers 401 when the body was altered after signing", async () => {
    const shop = uniqueShop();
    const signed = JSON.stringify({ shop_id: 1, shop_domain: shop });
    const request = webhookRequest("/webhooks/shop/redact", {
      topic: "shop/redact",
      shop,
      body: JSON.stringify({ shop_id: 2, shop_domain: shop }),
      hmac: signWebhookBody(signed),
    });
    expect((await deliver(shopRedact, request)).status).toBe(401);
    expect(await storedEvents(shop)).toBe(0);
  });

  it("answers 400 and stores nothing when a correctly signed body is not JSON", async () => {
    const shop = uniqueShop();
    const response = await deliver(
      shopRedact,
      webhookRequest("/webhooks/shop/redact", { topic: "shop/redact", shop, body: "{not json" }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "Webhook body is not valid JSON" });
    expect(await storedEvents(shop)).toBe(0);
  });

  it("answers 400 naming the field when the payload lacks what the topic needs", async () => {
    const shop = uniqueShop();
    const response = await deliver(
      customersRedact,
      webhookRequest("/webhooks/customers/redact", {
        topic: "customers/redact",
        shop,
        body: JSON.stringify({ shop_id: 1, shop_domain: shop, orders_to_redact: [] }),
      }),
    );
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: string };
    expect(error).toContain("customer");
    expect(await storedEvents(shop)).toBe(0);
  });

  it("answers 400 when a JSON body is not an object", async () => {
    const shop = uniqueShop();
    const response = await deliver(
      shopRedact,
      webhookRequest("/webhooks/shop/redact", { topic: "shop/redact", shop, body: "null" }),
    );
    expect(response.status).toBe(400);
    expect(await storedEvents(shop)).toBe(0);
  });

  it("answers 400 when required Shopify headers are missing", async () => {
    const shop = uniqueShop();
    const request = webhookRequest("/webhooks/shop/redact", {
      topic: "shop/redact",
      shop,
      body: JSON.stringify({ shop_id: 1, shop_domain: shop }),
    });
    request.headers.delete("X-Shopify-Topic");
    expect((await deliver(shopRedact, request)).status).toBe(400);
    expect(await storedEvents(shop)).toBe(0);
  });

  it("refuses a body over the limit with 413 before reading it all, and stores nothing", async () => {
    const shop = uniqueShop();
    const padding = "x".repeat(MAX_WEBHOOK_BODY_BYTES);
    const body = JSON.stringify({ shop_id: 1, shop_domain: shop, padding });
    const response = await deliver(
      shopRedact,
      webhookRequest("/webhooks/shop/redact", { topic: "shop/redact", shop, body }),
    );
    expect(response.status).toBe(413);
    expect(await storedEvents(shop)).toBe(0);

    // Sent without a length (chunked), it is cut off as it is read.
    let sentBytes = 0;
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sentBytes += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const streamed = webhookRequest("/webhooks/shop/redact", { topic: "shop/redact", shop, body: "{}" });
    const chunked = new Request(streamed.url, {
      method: "POST",
      headers: streamed.headers,
      body: endless,
      duplex: "half",
    } as RequestInit);
    expect((await deliver(shopRedact, chunked)).status).toBe(413);
    expect(sentBytes).toBeLessThan(MAX_WEBHOOK_BODY_BYTES + 512 * 1024);
  });

  it("answers 400 to a signed payload nested thousands deep, and stores nothing", async () => {
    const shop = uniqueShop();
    const body = `{"shop_id":1,"shop_domain":"${shop}","x":${"[".repeat(5000)}${"]".repeat(5000)}}`;
    const response = await deliver(
      shopRedact,
      webhookRequest("/webhooks/shop/redact", { topic: "shop/redact", shop, body }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "Webhook body nests too deep" });
    expect(await storedEvents(shop)).toBe(0);
  });

  it.each(["evil.example.com", "shop.myshopify.com.evil.example", "-x.myshopify.com", "a b.myshopify.com"])(
    "answers 400 to a signed webhook whose shop domain is %s, and stores nothing",
    async (shop) => {
      const body = JSON.stringify({ shop_id: 1, shop_domain: shop });
      const response = await deliver(
        shopRedact,
        webhookRequest("/webhooks/shop/redact", { topic: "shop/redact", shop, body }),
      );
      expect(response.status).toBe(400);
      expect(await storedEvents(shop)).toBe(0);
    },
  );

  it("refuses a compliance webhook whose body names another shop than the one that sent it", async () => {
    const shop = uniqueShop();
    const other = uniqueShop();
    const response = await deliver(
      customersRedact,
      webhookRequest("/webhooks/customers/redact", { topic: "customers/redact", shop, body: redactBody(other) }),
    );
    expect(response.status).toBe(400);
    expect(await storedEvents(shop)).toBe(0);
    expect(await storedEvents(other)).toBe(0);
  });

  it("answers 400 when a topic is delivered to another topic's endpoint", async () => {
    const shop = uniqueShop();
    const response = await deliver(
      appUninstalled,
      webhookRequest("/webhooks/app/uninstalled", {
        topic: "shop/redact",
        shop,
        body: JSON.stringify({ shop_id: 1, shop_domain: shop }),
      }),
    );
    expect(response.status).toBe(400);
    expect(await storedEvents(shop)).toBe(0);
  });

  it("answers 405 to anything but POST", async () => {
    const request = new Request("https://omniroute.test/webhooks/shop/redact", { method: "PUT", body: "{}" });
    expect((await deliver(shopRedact, request)).status).toBe(405);
  });

  it("gives a replayed event id no second effect, even when delivered concurrently", async () => {
    const shop = uniqueShop();
    const eventId = "e2c9f5b8-replayed";
    const send = () =>
      deliver(
        customersRedact,
        webhookRequest("/webhooks/customers/redact", {
          topic: "customers/redact",
          shop,
          body: redactBody(shop),
          eventId,
        }),
      );
    const responses = await Promise.all([send(), send(), send()]);
    const replay = await send();
    expect([...responses, replay].map((response) => response.status)).toEqual([200, 200, 200, 200]);
    expect(await storedEvents(shop)).toBe(1);
    const jobs = await prisma.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM pgboss.job WHERE name = 'compliance.customer-redact' AND data->>'shop' = ${shop}`;
    expect(jobs[0]?.count).toBe(1);
  });

  it("keeps the same event id of two shops apart", async () => {
    const [first, second] = [uniqueShop(), uniqueShop()];
    for (const shop of [first, second]) {
      const response = await deliver(
        shopRedact,
        webhookRequest("/webhooks/shop/redact", {
          topic: "shop/redact",
          shop,
          body: JSON.stringify({ shop_id: 1, shop_domain: shop }),
          eventId: "same-event-id",
        }),
      );
      expect(response.status).toBe(200);
    }
    expect(await storedEvents(first)).toBe(1);
    expect(await storedEvents(second)).toBe(1);
  });

  it("answers 503 and keeps nothing when the database has no connection free in time, so Shopify delivers it again", async () => {
    const shop = await installedShop();
    const busy = new Prisma.PrismaClientKnownRequestError("Unable to start a transaction in the given time.", {
      code: "P2028",
      clientVersion: Prisma.prismaVersion.client,
    });
    const response = await receiveWebhook(
      webhookRequest("/webhooks/orders/create", { topic: "orders/create", shop, body: JSON.stringify({ id: 1 }) }),
      {
        topic: "ORDERS_CREATE",
        payload: z.object({ id: z.number() }),
        apply: () => Promise.reject(busy),
      },
    );
    expect(response.status).toBe(503);
    expect(await storedEvents(shop)).toBe(0);
  });
});
