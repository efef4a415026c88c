import "@shopify/shopify-api/adapters/node";
import crypto from "node:crypto";
import http from "node:http";
import { type AddressInfo } from "node:net";
import { ApiVersion, shopifyApi } from "@shopify/shopify-api";
import { afterEach, describe, expect, it, vi } from "vitest";
import { WebhookDispatcher, type WebhookDispatcherOptions, type WebhookEvent } from "./dispatcher";
import { SHOPIFY_RETRY_DELAYS_MS } from "./retry-schedule";
import { readWebhookSubscriptions, type WebhookSubscriptions } from "./subscriptions";

const APP_URL = "https://omniroute.test";
const API_SECRET = "emulator-test-secret";
const SHOP = "north-store.myshopify.com";

type Captured = { url: string; headers: Record<string, string>; body: string };

/** A fetch that records each request and answers with the next status in `statuses` (then 200). */
function capturingFetch(statuses: Array<number | "throw"> = []) {
  const requests: Captured[] = [];
  const fetch = async (input: string, init: RequestInit): Promise<Response> => {
    requests.push({
      url: input,
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body: String(init.body),
    });
    const status = statuses.shift() ?? 200;
    if (status === "throw") throw new TypeError("fetch failed");
    return new Response(null, { status });
  };
  return { fetch, requests };
}

function subscriptionsFor(topics: Record<string, string[]>): WebhookSubscriptions {
  return { apiVersion: "2026-04", urisByTopic: new Map(Object.entries(topics)) };
}

function event(overrides: Partial<WebhookEvent> = {}): WebhookEvent {
  return {
    shop: SHOP,
    topic: "app/uninstalled",
    payload: { id: 1, domain: SHOP },
    occurredAt: new Date("2026-11-27T10:00:00.000Z"),
    eventId: crypto.randomUUID(),
    ...overrides,
  };
}

const dispatchers: WebhookDispatcher[] = [];
function dispatcher(options: Partial<WebhookDispatcherOptions> & Pick<WebhookDispatcherOptions, "fetch">) {
  const created = new WebhookDispatcher({
    appUrl: APP_URL,
    apiSecret: API_SECRET,
    subscriptions: readWebhookSubscriptions(),
    timeScale: 0.00001,
    seed: 7,
    ...options,
  });
  dispatchers.push(created);
  return created;
}

afterEach(() => {
  for (const created of dispatchers.splice(0)) created.stop();
});

describe("WebhookDispatcher", () => {
  it("delivers over HTTP with headers the real @shopify/shopify-api validator accepts", async () => {
    const shopify = shopifyApi({
      apiKey: "emulator-test-key",
      apiSecretKey: API_SECRET,
      apiVersion: ApiVersion.April26,
      hostName: "omniroute.test",
      isEmbeddedApp: true,
      logger: { level: 0 },
    });
    const validations: unknown[] = [];
    const server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        void shopify.webhooks
          .validate({ rawBody: Buffer.concat(chunks).toString("utf8"), rawRequest: request, rawResponse: response })
          .then((result) => {
            validations.push(result);
            response.writeHead(200).end();
          });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const sent = event({ topic: "customers/redact", payload: { shop_domain: SHOP, customer: { id: 9 } } });
      const webhooks = dispatcher({ appUrl, fetch: (input, init) => globalThis.fetch(input, init) });

      const [delivery] = webhooks.publish(sent);
      await webhooks.idle();

      expect(validations).toEqual([
        expect.objectContaining({
          valid: true,
          topic: "CUSTOMERS_REDACT",
          domain: SHOP,
          apiVersion: "2026-04",
          webhookId: delivery?.webhookId,
          eventId: sent.eventId,
          triggeredAt: "2026-11-27T10:00:00.000Z",
        }),
      ]);
      expect(webhooks.log()).toEqual([
        expect.objectContaining({
          attempt: 1,
          status: 200,
          outcome: "delivered",
          uri: `${appUrl}/webhooks/customers/redact`,
        }),
      ]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("sends Shopify's headers, with the HMAC of the raw body under the app secret", async () => {
    const { fetch, requests } = capturingFetch();
    const sent = event();

    dispatcher({ fetch }).publish(sent);
    await dispatchers[0]?.idle();

    const [request] = requests;
    expect(request?.url).toBe(`${APP_URL}/webhooks/app/uninstalled`);
    expect(request?.body).toBe(JSON.stringify(sent.payload));
    expect(request?.headers).toMatchObject({
      "content-type": "application/json",
      "x-shopify-topic": "app/uninstalled",
      "x-shopify-shop-domain": SHOP,
      "x-shopify-api-version": "2026-04",
      "x-shopify-event-id": sent.eventId,
      "x-shopify-triggered-at": "2026-11-27T10:00:00.000Z",
      "x-shopify-hmac-sha256": crypto
        .createHmac("sha256", API_SECRET)
        .update(request?.body ?? "")
        .digest("base64"),
    });
    expect(request?.headers["x-shopify-webhook-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("gives each subscription its own webhook id and every delivery the event's id", async () => {
    const { fetch, requests } = capturingFetch();
    const webhooks = dispatcher({
      fetch,
      subscriptions: subscriptionsFor({ "orders/create": ["/webhooks/orders", "https://audit.test/orders"] }),
    });
    const sent = event({ topic: "orders/create" });

    webhooks.publish(sent);
    await webhooks.idle();

    expect(requests.map((request) => request.url).sort()).toEqual([
      "https://audit.test/orders",
      `${APP_URL}/webhooks/orders`,
    ]);
    expect(new Set(requests.map((request) => request.headers["x-shopify-webhook-id"])).size).toBe(2);
    expect(requests.every((request) => request.headers["x-shopify-event-id"] === sent.eventId)).toBe(true);
  });

  it("does not send a topic nobody subscribed to, and logs it as having no subscription", async () => {
    const { fetch, requests } = capturingFetch();
    const webhooks = dispatcher({ fetch });
    const sent = event({ topic: "products/update" });

    expect(webhooks.publish(sent)).toEqual([]);
    await webhooks.idle();

    expect(requests).toEqual([]);
    expect(webhooks.log()).toEqual([
      expect.objectContaining({ eventId: sent.eventId, status: "no-subscription", outcome: "not-sent", attempt: 0 }),
    ]);
  });

  it("retries failures on Shopify's schedule, scaled by timeScale, until the app answers 2xx", async () => {
    const { fetch, requests } = capturingFetch([500, "throw", 503]);
    const webhooks = dispatcher({ fetch, timeScale: 0.0001 });

    webhooks.publish(event());
    expect(webhooks.pending()).toBeGreaterThan(0);
    await webhooks.idle();

    expect(requests).toHaveLength(4);
    expect(new Set(requests.map((request) => request.headers["x-shopify-webhook-id"])).size).toBe(1);
    expect(new Set(requests.map((request) => request.body)).size).toBe(1);
    expect(
      webhooks
        .log()
        .map(({ attempt, status, outcome, nextRetryInMs }) => ({ attempt, status, outcome, nextRetryInMs })),
    ).toEqual([
      { attempt: 1, status: 500, outcome: "retry-scheduled", nextRetryInMs: 60_000 },
      { attempt: 2, status: "network-error", outcome: "retry-scheduled", nextRetryInMs: 120_000 },
      { attempt: 3, status: 503, outcome: "retry-scheduled", nextRetryInMs: 240_000 },
      { attempt: 4, status: 200, outcome: "delivered", nextRetryInMs: undefined },
    ]);
    expect(webhooks.pending()).toBe(0);
  });

  it("gives up after 8 retries over about 4 hours", async () => {
    const { fetch, requests } = capturingFetch(Array.from({ length: 20 }, () => 500));
    const webhooks = dispatcher({ fetch, timeScale: 0.00001 });

    webhooks.publish(event());
    await webhooks.idle();

    expect(requests).toHaveLength(9);
    expect(webhooks.log().at(-1)).toMatchObject({ attempt: 9, outcome: "gave-up" });
    const totalHours = SHOPIFY_RETRY_DELAYS_MS.reduce((sum, delay) => sum + delay, 0) / 3_600_000;
    expect(totalHours).toBeGreaterThan(3.5);
    expect(totalHours).toBeLessThan(4.5);
  });

  it("counts an app that takes longer than the timeout as a failed attempt", async () => {
    const slowFetch = (_input: string, init: RequestInit) =>
      new Promise<Response>((resolve, reject) => {
        const timer = setTimeout(() => resolve(new Response(null, { status: 200 })), 1_000);
        init.signal?.addEventListener("abort", () => {
          clearTimeout(timer);
          reject(new DOMException("aborted", "AbortError"));
        });
      });
    const webhooks = dispatcher({ fetch: slowFetch, timeoutMs: 20 });

    webhooks.publish(event());
    await webhooks.idle();

    expect(webhooks.log()[0]).toMatchObject({ attempt: 1, status: "timeout", outcome: "retry-scheduled" });
    expect(webhooks.log().at(-1)).toMatchObject({ attempt: 9, status: "timeout", outcome: "gave-up" });
  });

  it("sends a duplicate with the same webhook id and event id", async () => {
    const { fetch, requests } = capturingFetch();
    const webhooks = dispatcher({ fetch });
    const sent = event();

    webhooks.publish(sent, { duplicate: true });
    await webhooks.idle();

    expect(requests).toHaveLength(2);
    expect(requests[0]?.headers["x-shopify-webhook-id"]).toBe(requests[1]?.headers["x-shopify-webhook-id"]);
    expect(requests.every((request) => request.headers["x-shopify-event-id"] === sent.eventId)).toBe(true);
    expect(webhooks.log().every((entry) => entry.faults.includes("duplicate"))).toBe(true);
  });

  it("redelivers after a lost answer: the app saw the first attempt, Shopify retries it anyway", async () => {
    const { fetch, requests } = capturingFetch();
    const webhooks = dispatcher({ fetch });

    webhooks.publish(event(), { failFirst: true });
    await webhooks.idle();

    expect(requests).toHaveLength(2);
    expect(webhooks.log().map(({ status, outcome, faults }) => ({ status, outcome, faults }))).toEqual([
      { status: 200, outcome: "retry-scheduled", faults: ["fail-first"] },
      { status: 200, outcome: "delivered", faults: [] },
    ]);
  });

  it("delivers a delayed event after one published later", async () => {
    const { fetch, requests } = capturingFetch();
    const webhooks = dispatcher({ fetch });
    const late = event({ payload: { order: "late" } });
    const prompt = event({ payload: { order: "prompt" } });

    webhooks.publish(late, { delayMs: 30 });
    webhooks.publish(prompt);
    await webhooks.idle();

    expect(requests.map((request) => request.headers["x-shopify-event-id"])).toEqual([prompt.eventId, late.eventId]);
    expect(webhooks.log()[1]?.faults).toEqual(["delay"]);
  });

  it("holds events for the reorder window and delivers them in a different order", async () => {
    const { fetch, requests } = capturingFetch();
    const webhooks = dispatcher({ fetch, faults: { reorderWindowMs: 20 } });
    const published = [event(), event(), event(), event()];

    for (const sent of published) webhooks.publish(sent);
    expect(requests).toHaveLength(0);
    await webhooks.idle();

    const delivered = requests.map((request) => request.headers["x-shopify-event-id"]);
    expect([...delivered].sort()).toEqual(published.map((sent) => sent.eventId).sort());
    expect(delivered).not.toEqual(published.map((sent) => sent.eventId));
  });

  it("applies fault rates from the seed the same way on every run, and they can change at run time", async () => {
    const run = async () => {
      const { fetch, requests } = capturingFetch();
      const webhooks = dispatcher({ fetch, seed: 42, faults: { duplicateRate: 0.5 } });
      for (let index = 0; index < 10; index += 1) webhooks.publish(event({ eventId: `event-${index}` }));
      await webhooks.idle();
      webhooks.setFaults({ duplicateRate: 0 });
      webhooks.publish(event({ eventId: "after" }));
      await webhooks.idle();
      return requests.map((request) => request.headers["x-shopify-event-id"]);
    };

    const first = await run();
    expect(await run()).toEqual(first);
    expect(first.length).toBeGreaterThan(11);
    expect(first.filter((id) => id === "after")).toHaveLength(1);
  });

  it("stop() cancels scheduled retries", async () => {
    const { fetch, requests } = capturingFetch([500]);
    const webhooks = dispatcher({ fetch, timeScale: 1 });

    webhooks.publish(event());
    await vi.waitFor(() => expect(webhooks.log()).toHaveLength(1));
    expect(webhooks.pending()).toBe(1);
    webhooks.stop();
    await webhooks.idle();

    expect(requests).toHaveLength(1);
    expect(webhooks.pending()).toBe(0);
  });
});
