import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  MAX_CLOCK_ADVANCE_MS,
  startEmulatorServer,
  STATE_SAVE_DELAY_MS,
  VENDOR_CREDENTIALS,
  type EmulatorServerOptions,
  type RunningEmulator,
} from "./server";
import { twilioSignature } from "./vendors/twilio-signature";

/** The control API's fault switches for answers to Admin mutations, as the demo and browser tests reach them. */

const running: RunningEmulator[] = [];
const tempDirs: string[] = [];
afterEach(async () => {
  for (const emulator of running.splice(0)) await emulator.close();
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A path under a fresh temp dir (removed after the test), whose parent dirs do not exist yet. */
function tempPath(relative: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emulator-server-"));
  tempDirs.push(dir);
  return path.join(dir, relative);
}

async function start(overrides: Partial<EmulatorServerOptions> = {}): Promise<RunningEmulator> {
  const emulator = await startEmulatorServer({
    port: 0,
    publicUrl: "http://127.0.0.1:0",
    appUrl: "http://127.0.0.1:1",
    apiKey: "emulator-test-key",
    apiSecret: "emulator-test-secret",
    scopes: "write_merchant_managed_fulfillment_orders",
    scenario: "chicago",
    onWarning: () => {},
    ...overrides,
  });
  running.push(emulator);
  return emulator;
}

const post = (url: string, body: unknown) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("/_emulator/held-answers", () => {
  it("starts withholding answers to the named mutations, counts them, and releases them", async () => {
    const emulator = await start();
    const holding = await post(`${emulator.url}/_emulator/held-answers`, {
      mutations: ["fulfillmentCreate"],
      times: 2,
    });
    expect(await holding.json()).toEqual({ holding: ["fulfillmentCreate"], times: 2 });
    expect(await (await fetch(`${emulator.url}/_emulator/held-answers`)).json()).toEqual({ held: 0 });
    const released = await post(`${emulator.url}/_emulator/held-answers/release`, {});
    expect(await released.json()).toEqual({ held: 0 });
  });

  it("refuses a body that names no mutations or a count that is not a positive integer", async () => {
    const emulator = await start();
    expect((await post(`${emulator.url}/_emulator/held-answers`, { mutations: "fulfillmentCreate" })).status).toBe(400);
    expect(
      (await post(`${emulator.url}/_emulator/held-answers`, { mutations: ["fulfillmentCreate"], times: 0 })).status,
    ).toBe(400);
  });
});

describe("/_emulator/warnings", () => {
  it("lists what the emulator chose where the docs are silent (none on a fresh start)", async () => {
    const emulator = await start();
    expect(await (await fetch(`${emulator.url}/_emulator/warnings`)).json()).toEqual({ warnings: [] });
  });
});

describe("/_emulator/shops/:shop/orders", () => {
  it("lists the orders with a fulfilment order at a location, newest first, as POS's Orders screen does", async () => {
    const emulator = await start();
    const [here, elsewhere] = emulator.scenario.locations.filter((location) => location.kind === "STORE");
    const sku = emulator.scenario.inventory.find((stock) => stock.locationId === here!.id && stock.available > 0)!.sku;
    const pickUp = (locationId: number, firstName: string) =>
      emulator.shopify.placeOrder(emulator.shop, {
        lines: [{ sku, quantity: 1 }],
        deliveryMethod: "PICK_UP",
        pickupLocationId: locationId,
        customer: { firstName, lastName: "Lovelace" },
      });
    const first = pickUp(here!.id, "Ada");
    pickUp(elsewhere!.id, "Grace");
    const second = pickUp(here!.id, "Alan");

    const answer = await fetch(`${emulator.url}/_emulator/shops/${emulator.shop}/orders?locationId=${here!.id}`);
    const { orders } = (await answer.json()) as { orders: { id: number; name: string; customerName: string }[] };

    expect(orders.map((order) => [order.id, order.name, order.customerName])).toEqual([
      [second.legacyResourceId, second.name, "Alan Lovelace"],
      [first.legacyResourceId, first.name, "Ada Lovelace"],
    ]);
    expect(orders[0]).toMatchObject({ lineItems: [{ quantity: 1 }], fulfillmentStatuses: ["OPEN"] });
    const nowhere = await fetch(`${emulator.url}/_emulator/shops/${emulator.shop}/orders?locationId=nowhere`);
    expect(await nowhere.json()).toEqual({ orders: [] });
  });
});

describe("the emulator's state file", () => {
  it("holds every order within a moment of its placing, while changes keep coming and before any shutdown", async () => {
    const stateFile = tempPath("emulator/state.json");
    const emulator = await start({ stateFile });
    const store = emulator.scenario.locations.find((location) => location.kind === "STORE")!;
    const sku = emulator.scenario.inventory.find((stock) => stock.locationId === store.id && stock.available > 5)!.sku;

    // A change every 50 ms for a second: a save that waited for a quiet moment would never come.
    const first = emulator.shopify.placeOrder(emulator.shop, {
      lines: [{ sku, quantity: 1 }],
      deliveryMethod: "PICK_UP",
      pickupLocationId: store.id,
    });
    const saved = () => fs.existsSync(stateFile) && fs.readFileSync(stateFile, "utf8").includes(`"${first.name}"`);
    let seenWhileBusy = false;
    for (let tick = 0; tick < 20; tick++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      emulator.shopify.setAvailable(emulator.shop, { locationId: store.id, sku, available: 100 + tick });
      if (tick >= 2 * Math.ceil(STATE_SAVE_DELAY_MS / 50)) seenWhileBusy ||= saved();
    }

    expect(seenWhileBusy).toBe(true);
  });
});

describe("/_emulator/shops/:shop/catalog", () => {
  it("lists every SKU, or the first N with ?skus=N as the admin stand-in's panels ask, ignoring a malformed count", async () => {
    const emulator = await start();
    const catalog = (query: string) =>
      fetch(`${emulator.url}/_emulator/shops/${emulator.shop}/catalog${query}`).then(
        (answer) => answer.json() as Promise<{ skus: { sku: string }[]; locations: unknown[] }>,
      );
    const everything = await catalog("");
    const allSkus = emulator.scenario.products.flatMap((product) => product.variants.map((variant) => variant.sku));
    expect(everything.skus.map((item) => item.sku)).toEqual(allSkus);
    expect(everything.locations).toHaveLength(emulator.scenario.locations.length);

    expect((await catalog("?skus=2")).skus.map((item) => item.sku)).toEqual(allSkus.slice(0, 2));
    expect((await catalog("?skus=-1")).skus).toHaveLength(allSkus.length);
    expect((await catalog("?skus=abc")).skus).toHaveLength(allSkus.length);
  });
});

describe("/_emulator/clock", () => {
  const HOUR = 3_600_000;
  const clockFile = () => tempPath("demo/clock.json");

  it("moves the demo clock forward, writes the offset for the app, and keeps it across restarts", async () => {
    const file = clockFile();
    const emulator = await start({ clockFile: file });
    const before = (await (await fetch(`${emulator.url}/_emulator/clock`)).json()) as { offsetMs: number; now: string };
    expect(before.offsetMs).toBe(0);
    expect(Math.abs(Date.parse(before.now) - Date.now())).toBeLessThan(5_000);

    await post(`${emulator.url}/_emulator/clock`, { advanceMs: HOUR });
    const moved = await post(`${emulator.url}/_emulator/clock`, { advanceMs: 24 * HOUR });
    const after = (await moved.json()) as { offsetMs: number; now: string };
    expect(after.offsetMs).toBe(25 * HOUR);
    expect(Math.abs(Date.parse(after.now) - (Date.now() + 25 * HOUR))).toBeLessThan(5_000);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual({ offsetMs: 25 * HOUR });

    await emulator.close();
    running.splice(running.indexOf(emulator), 1);
    const again = await start({ clockFile: file });
    expect(((await (await fetch(`${again.url}/_emulator/clock`)).json()) as { offsetMs: number }).offsetMs).toBe(
      25 * HOUR,
    );
  });

  it("refuses a move that is not forward, too far, or not a whole number of milliseconds", async () => {
    const file = clockFile();
    const emulator = await start({ clockFile: file });
    for (const body of [{}, { advanceMs: 0 }, { advanceMs: -HOUR }, { advanceMs: "3600000" }, { advanceMs: 1.5 }]) {
      expect((await post(`${emulator.url}/_emulator/clock`, body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await post(`${emulator.url}/_emulator/clock`, { advanceMs: MAX_CLOCK_ADVANCE_MS + 1 })).status).toBe(400);
    const garbled = await fetch(`${emulator.url}/_emulator/clock`, { method: "POST", body: "{nope" });
    expect(garbled.status).toBe(400);
    expect(fs.existsSync(file)).toBe(false);
    expect((await post(`${emulator.url}/_emulator/clock`, { advanceMs: MAX_CLOCK_ADVANCE_MS })).status).toBe(200);
  });

  it("stamps the vendors' messages with demo time, so the outbox reads as the visitor's clock", async () => {
    const emulator = await start({ clockFile: clockFile() });
    await post(`${emulator.url}/_emulator/clock`, { advanceMs: 2 * HOUR });
    const { accountSid, authToken } = VENDOR_CREDENTIALS.twilio;
    const sent = await fetch(`${emulator.url}/2010-04-01/Accounts/${accountSid}/Messages.json`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`,
      },
      body: new URLSearchParams({ To: "+13125550123", From: "+13125550100", Body: "Your order is ready" }).toString(),
    });
    expect(sent.status).toBe(201);
    const { messages } = (await (await fetch(`${emulator.url}/_emulator/outbox`)).json()) as {
      messages: { body: string; at: string }[];
    };
    expect(messages).toHaveLength(1);
    expect(Math.abs(Date.parse(messages[0]!.at) - (Date.now() + 2 * HOUR))).toBeLessThan(5_000);
  });
});

describe("/_emulator/sms/inbound", () => {
  /** A stand-in for the app's Twilio inbound webhook: answers HELP with TwiML, anything else with none. */
  async function fakeApp(): Promise<{
    url: string;
    posts: { path: string; signature: string; form: URLSearchParams }[];
    close(): Promise<void>;
  }> {
    const posts: { path: string; signature: string; form: URLSearchParams }[] = [];
    const server = http.createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        const form = new URLSearchParams(body);
        posts.push({ path: request.url ?? "", signature: String(request.headers["x-twilio-signature"]), form });
        response.writeHead(200, { "content-type": "text/xml" });
        response.end(
          form.get("Body") === "HELP"
            ? '<?xml version="1.0" encoding="UTF-8"?><Response><Message>Windy City Outfitters: help at 312-555-0100 &amp; online.</Message></Response>'
            : '<?xml version="1.0" encoding="UTF-8"?><Response></Response>',
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    return { url, posts, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }

  it("posts the shopper's text to the app's Twilio inbound webhook, signed, and shows the answers on the phone", async () => {
    const app = await fakeApp();
    try {
      const emulator = await start({ appUrl: app.url });
      const help = await post(`${emulator.url}/_emulator/sms/inbound`, { from: "+13125550123", body: "HELP" });
      expect(help.status).toBe(200);
      expect(await help.json()).toMatchObject({
        appStatus: 200,
        replies: [{ to: "+13125550123", body: "Windy City Outfitters: help at 312-555-0100 & online.", by: "app" }],
      });
      const [posted] = app.posts;
      expect(posted?.path).toBe("/webhooks/twilio/inbound");
      expect(posted?.form.get("From")).toBe("+13125550123");
      const params = Object.fromEntries(posted!.form);
      expect(posted?.signature).toBe(
        twilioSignature(VENDOR_CREDENTIALS.twilio.authToken, `${app.url}/webhooks/twilio/inbound`, params),
      );

      const stop = await post(`${emulator.url}/_emulator/sms/inbound`, { from: "+13125550123", body: "STOP" });
      expect(await stop.json()).toMatchObject({ replies: [{ by: "twilio", body: /successfully been unsubscribed/ }] });
      expect(app.posts[1]?.form.get("OptOutType")).toBe("STOP");

      const outbox = (await (await fetch(`${emulator.url}/_emulator/outbox`)).json()) as {
        inbound: { from: string; body: string }[];
        replies: { body: string }[];
      };
      expect(outbox.inbound.map((text) => text.body)).toEqual(["HELP", "STOP"]);
      expect(outbox.replies).toHaveLength(2);
    } finally {
      await app.close();
    }
  });

  it("refuses a text without an E.164 sender or a body, and posts nothing", async () => {
    const app = await fakeApp();
    try {
      const emulator = await start({ appUrl: app.url });
      for (const body of [
        { body: "STOP" },
        { from: "3125550123", body: "STOP" },
        { from: "+13125550123", body: " " },
      ]) {
        expect((await post(`${emulator.url}/_emulator/sms/inbound`, body)).status, JSON.stringify(body)).toBe(400);
      }
      expect(app.posts).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
