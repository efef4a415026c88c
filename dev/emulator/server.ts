import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { ShopifyEmulator, type EmulatorWarning } from "./shopify";
import { scenarios } from "../scenarios";
import type { Scenario } from "../scenarios/types";
import { CHICAGO_ADDRESSES } from "./demo-addresses";
import { toEmulatorRequest, send } from "./http";
import { hostParam, signSessionToken } from "./session-token";
import {
  emptyResponse,
  jsonResponse,
  type EmulatorRequest,
  type EmulatorResponse,
  type FetchFunction,
} from "./vendors/http-types";
import { mergedOutbox } from "./vendors/outbox";
import { PushSandbox } from "./vendors/push";
import { SendgridSandbox } from "./vendors/sendgrid";
import { TwilioSandbox } from "./vendors/twilio";
import { WebhookDispatcher } from "./webhooks/dispatcher";
import { readWebhookSubscriptions } from "./webhooks/subscriptions";

/**
 * The local emulator's one HTTP server: Shopify's Admin API and OAuth (per shop, from
 * X-Forwarded-Host), Twilio, SendGrid and a push service, each on its real paths; a control
 * API under /_emulator for tests and the demo; and the admin stand-in page that embeds the app.
 */
export const VENDOR_CREDENTIALS = {
  // 34 characters, as Twilio's are: the app's inbound webhook refuses any other account SID.
  twilio: { accountSid: "AC0000000000000000000000000000demo", authToken: "omniroute-demo-twilio-token" },
  sendgrid: { apiKey: "SG.omniroute-demo.sendgrid-key" },
  // A UUID, as OneSignal app ids are (the settings form checks it).
  push: { appId: "00000000-0000-4000-8000-0000000de300", restApiKey: "omniroute-demo-push-key" },
} as const;

export interface EmulatorServerOptions {
  port: number;
  /** How the app and the browser reach this server, e.g. http://localhost:8787. */
  publicUrl: string;
  appUrl: string;
  /** The demo's Store POS stand-in (dev/pos), linked from the admin stand-in's panel. */
  posUrl?: string;
  /** The demo's Checkout stand-in (dev/checkout), linked from the admin stand-in's panel. */
  checkoutUrl?: string;
  apiKey: string;
  apiSecret: string;
  scopes: string;
  scenario: keyof typeof scenarios;
  /** Where to keep the emulator's state between runs; none keeps it in memory only. */
  stateFile?: string;
  /**
   * The demo clock's file (`{ "offsetMs": n }`), which the app reads as DEMO_CLOCK_FILE (ADR 012):
   * `/_emulator/clock` moves it, and the vendor sandboxes stamp their messages by it.
   */
  clockFile?: string;
  /** Retry delays of webhook deliveries are multiplied by this (tests compress time). */
  webhookTimeScale?: number;
  restoreRatePerSecond?: number;
  /** How webhooks reach the app; defaults to HTTP. Tests hand them to the app's routes directly. */
  deliverWebhook?: FetchFunction;
  /** Where the emulator says it guessed a behaviour the docs leave open; defaults to the console. */
  onWarning?: (warning: EmulatorWarning) => void;
}

export interface RunningEmulator {
  url: string;
  shop: string;
  scenario: Scenario;
  shopify: ShopifyEmulator;
  webhooks: WebhookDispatcher;
  twilio: TwilioSandbox;
  sendgrid: SendgridSandbox;
  push: PushSandbox;
  clock: DemoClock;
  close(): Promise<void>;
}

const ADMIN_UI_DIR = path.join(path.dirname(new URL(import.meta.url).pathname), "admin-ui");
const STATIC_FILES: Record<string, { file: string; type: string }> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/_admin/admin.js": { file: "admin.js", type: "text/javascript; charset=utf-8" },
  "/_admin/admin.css": { file: "admin.css", type: "text/css; charset=utf-8" },
  "/app-bridge.js": { file: "app-bridge.js", type: "text/javascript; charset=utf-8" },
};

/** The catalogue's `?skus=N`: the first N SKUs (the admin stand-in's panels offer 1,000); all without it. */
function skuLimit(value: string | null): number | undefined {
  return value !== null && /^\d{1,6}$/.test(value) ? Number(value) : undefined;
}

function staticFile(pathname: string): EmulatorResponse | null {
  const entry = STATIC_FILES[pathname];
  if (!entry) return null;
  const body = fs.readFileSync(path.join(ADMIN_UI_DIR, entry.file), "utf8");
  return { status: 200, headers: { "content-type": entry.type, "cache-control": "no-cache" }, body };
}

function parseJson(body: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** The furthest one POST /_emulator/clock may move the demo clock. */
export const MAX_CLOCK_ADVANCE_MS = 30 * 24 * 3_600_000;

/** The demo's clock: real time plus an offset that only grows, kept in a file the app reads too. */
export class DemoClock {
  private offset: number;

  constructor(private readonly file: string | undefined) {
    this.offset = file ? readClockOffset(file) : 0;
  }

  offsetMs(): number {
    return this.offset;
  }

  now(): Date {
    return new Date(Date.now() + this.offset);
  }

  advance(ms: number): void {
    this.offset += ms;
    if (!this.file) return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(`${this.file}.tmp`, JSON.stringify({ offsetMs: this.offset }));
    // Renamed into place: the app never reads a half-written file.
    fs.renameSync(`${this.file}.tmp`, this.file);
  }
}

function readClockOffset(file: string): number {
  try {
    const offset: unknown = (JSON.parse(fs.readFileSync(file, "utf8")) as { offsetMs?: unknown } | null)?.offsetMs;
    return typeof offset === "number" && Number.isFinite(offset) ? offset : 0;
  } catch {
    return 0;
  }
}

/** What Twilio's default opt-out handling answers STOP and START with, from the shop's number. */
const TWILIO_OPT_OUT_REPLIES: Record<string, string> = {
  STOP: "You have successfully been unsubscribed. You will not receive any more messages from this number. Reply START to resubscribe.",
  START:
    "You have successfully been re-subscribed to messages from this number. Reply HELP for help. Reply STOP to unsubscribe.",
};

/** A text the shopper's phone received that is not one the app sent through the API. */
export interface PhoneReply {
  to: string;
  from: string;
  body: string;
  at: Date;
  /** The app's TwiML answer to the inbound text, or Twilio's own opt-out handling. */
  by: "app" | "twilio";
}

/** The texts in a TwiML answer (`<Response><Message>…</Message></Response>`). */
function twimlMessages(xml: string): string[] {
  return [...xml.matchAll(/<Message(?:\s[^>]*)?>([\s\S]*?)<\/Message>/g)].map((match) =>
    (match[1] ?? "")
      .replace(/<Body>|<\/Body>/g, "")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&")
      .trim(),
  );
}

/** The shop's number a shopper texts before the app has texted them (otherwise, the number it texted from). */
const DEFAULT_SHOP_NUMBER = "+13125550100";
/** How long after a change the emulator's state is on disk at the latest. */
export const STATE_SAVE_DELAY_MS = 200;

export async function startEmulatorServer(options: EmulatorServerOptions): Promise<RunningEmulator> {
  const scenario = scenarios[options.scenario]();
  const shop = scenario.shop.domain;
  const shopify = new ShopifyEmulator({
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    scopes: options.scopes,
    publicUrl: options.publicUrl,
    restoreRatePerSecond: options.restoreRatePerSecond ?? 100,
  });
  const saved =
    options.stateFile && fs.existsSync(options.stateFile) ? fs.readFileSync(options.stateFile, "utf8") : null;
  if (saved) shopify.restore(JSON.parse(saved));
  else shopify.loadScenario(shop, scenario);

  const webhooks = new WebhookDispatcher({
    appUrl: options.appUrl,
    apiSecret: options.apiSecret,
    subscriptions: readWebhookSubscriptions(),
    timeScale: options.webhookTimeScale ?? 1,
    ...(options.deliverWebhook ? { fetch: options.deliverWebhook } : {}),
  });
  const clock = new DemoClock(options.clockFile);
  const demoNow = () => clock.now();
  const twilio = new TwilioSandbox({
    ...VENDOR_CREDENTIALS.twilio,
    // The app's route for a shopper's texts (app/routes/webhooks.twilio.inbound.ts).
    inboundUrl: `${options.appUrl}/webhooks/twilio/inbound`,
    now: demoNow,
  });
  const sendgrid = new SendgridSandbox({
    ...VENDOR_CREDENTIALS.sendgrid,
    eventWebhookUrl: `${options.appUrl}/webhooks/sendgrid/events`,
    now: demoNow,
    signingNow: () => new Date(),
  });
  const push = new PushSandbox({ ...VENDOR_CREDENTIALS.push, now: demoNow });
  const phoneReplies: PhoneReply[] = [];

  /** The shopper texts the shop: Twilio posts it to the app, and what comes back lands on the phone. */
  async function textFromShopper(from: string, body: string) {
    const lastText = twilio
      .list()
      .filter((record) => record.resource.to === from && record.resource.from)
      .at(-1);
    const to = lastText?.resource.from ?? DEFAULT_SHOP_NUMBER;
    const { sid, outcome } = await twilio.simulateInbound({ from, to, body });
    const replies: PhoneReply[] = twimlMessages(outcome.responseBody).map((text) => ({
      to: from,
      from: to,
      body: text,
      at: clock.now(),
      by: "app",
    }));
    const optOutType = twilio.inbound().find((record) => record.resource.sid === sid)?.request["OptOutType"];
    const optOutReply = typeof optOutType === "string" ? TWILIO_OPT_OUT_REPLIES[optOutType] : undefined;
    if (optOutReply) replies.push({ to: from, from: to, body: optOutReply, at: clock.now(), by: "twilio" });
    phoneReplies.push(...replies);
    return { sid, appStatus: outcome.status, replies };
  }

  /**
   * The state goes to disk at most 200 ms after any change, however long changes keep coming:
   * a save already due writes the latest state when it runs. The demo can be killed before its
   * own shutdown saves (tsx answers a second Ctrl-C with SIGKILL), so what a run did must not
   * wait for a quiet moment to be kept.
   */
  let saveTimer: NodeJS.Timeout | undefined;
  const saveState = () => {
    if (!options.stateFile || saveTimer) return;
    const file = options.stateFile;
    saveTimer = setTimeout(() => {
      saveTimer = undefined;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(shopify.snapshot()));
      fs.renameSync(`${file}.tmp`, file);
    }, STATE_SAVE_DELAY_MS);
  };
  shopify.onEvent((event) => {
    webhooks.publish(event);
    saveState();
  });
  shopify.onWarning(options.onWarning ?? ((warning) => console.warn(`emulator (${warning.shop}): ${warning.message}`)));

  const appOrigin = new URL(options.appUrl).origin;
  const cors = { "access-control-allow-origin": appOrigin, "access-control-allow-headers": "content-type" };

  async function control(request: EmulatorRequest): Promise<EmulatorResponse> {
    const parts = request.path.split("/").filter(Boolean).slice(1).map(decodeURIComponent);
    const [resource, shopName, action] = parts;
    if (resource === "demo-config") {
      const query = new URLSearchParams({ embedded: "1", shop, host: hostParam(shop) });
      query.set("id_token", signSessionToken({ shop, apiKey: options.apiKey, now: new Date() }, options.apiSecret));
      return jsonResponse(200, {
        shop,
        appUrl: options.appUrl,
        posUrl: options.posUrl ?? null,
        checkoutUrl: options.checkoutUrl ?? null,
        embeddedUrl: `${options.appUrl}/app?${query.toString()}`,
      });
    }
    if (resource === "session-token") {
      const forShop = request.query.get("shop") ?? shop;
      if (!shopify.shops().includes(forShop)) return jsonResponse(404, { error: `unknown shop ${forShop}` });
      const now = new Date();
      const token = signSessionToken({ shop: forShop, apiKey: options.apiKey, now }, options.apiSecret);
      return jsonResponse(200, { token, expiresAt: now.getTime() + 60_000 });
    }
    if (resource === "outbox") {
      return jsonResponse(200, {
        messages: mergedOutbox(twilio, sendgrid, push),
        // The demo phone's side of the conversation: the shopper's texts and the answers to them.
        inbound: twilio.inbound().map(({ resource: text, createdAt }) => ({
          id: text.sid,
          from: text.from,
          to: text.to,
          body: text.body,
          at: createdAt,
        })),
        replies: phoneReplies,
      });
    }
    if (resource === "clock") {
      if (request.method === "GET") return jsonResponse(200, { offsetMs: clock.offsetMs(), now: clock.now() });
      const advanceMs = parseJson(request.body)?.advanceMs;
      if (
        request.method !== "POST" ||
        typeof advanceMs !== "number" ||
        !Number.isInteger(advanceMs) ||
        advanceMs <= 0 ||
        advanceMs > MAX_CLOCK_ADVANCE_MS
      ) {
        return jsonResponse(400, {
          error: `expected { advanceMs: a whole number of ms, 1 to ${MAX_CLOCK_ADVANCE_MS} }`,
        });
      }
      clock.advance(advanceMs);
      return jsonResponse(200, { offsetMs: clock.offsetMs(), now: clock.now() });
    }
    if (resource === "sms" && shopName === "inbound") {
      const body = parseJson(request.body);
      const from = body?.from;
      const text = body?.body;
      if (
        request.method !== "POST" ||
        typeof from !== "string" ||
        !/^\+[1-9]\d{6,14}$/.test(from) ||
        typeof text !== "string" ||
        text.trim() === "" ||
        text.length > 1600
      ) {
        return jsonResponse(400, { error: "expected { from: an E.164 number, body: 1 to 1600 characters }" });
      }
      return jsonResponse(200, await textFromShopper(from, text));
    }
    if (resource === "webhooks") {
      return jsonResponse(200, { deliveries: webhooks.log(), pending: webhooks.pending() });
    }
    if (resource === "warnings") {
      return jsonResponse(200, { warnings: shopify.warnings() });
    }
    if (resource === "held-answers") {
      if (request.method === "GET") return jsonResponse(200, { held: shopify.heldAnswerCount() });
      if (request.method === "POST" && shopName === "release") {
        shopify.releaseHeldAnswers();
        return jsonResponse(200, { held: 0 });
      }
      const body = parseJson(request.body);
      const mutations = body?.mutations;
      const times = body?.times;
      if (
        request.method !== "POST" ||
        !Array.isArray(mutations) ||
        !mutations.every((name) => typeof name === "string") ||
        (times !== undefined && (typeof times !== "number" || !Number.isInteger(times) || times < 1))
      ) {
        return jsonResponse(400, { error: "expected { mutations: string[], times?: positive integer }" });
      }
      shopify.holdAnswersTo(mutations, times === undefined ? {} : { times });
      return jsonResponse(200, { holding: mutations, times: times ?? null });
    }
    if (resource === "faults" && request.method === "POST") {
      const body = parseJson(request.body);
      if (!body) return jsonResponse(400, { error: "expected a JSON object" });
      if (body.webhooks && typeof body.webhooks === "object") webhooks.setFaults(body.webhooks);
      if (body.admin && typeof body.admin === "object") Object.assign(shopify.faults, body.admin);
      return jsonResponse(200, { webhooks: webhooks.faults, admin: shopify.faults });
    }
    if (resource !== "shops") return jsonResponse(404, { error: `no such control endpoint: ${request.path}` });
    if (!shopName) return jsonResponse(200, { shops: shopify.shops() });
    if (!shopify.shops().includes(shopName)) return jsonResponse(404, { error: `unknown shop ${shopName}` });

    if (action === "catalog") {
      return jsonResponse(200, {
        shop: scenario.shop,
        locations: scenario.locations.map((location) => ({
          id: String(location.id),
          name: location.name,
          kind: location.kind,
          pickupEnabled: location.pickupEnabled,
        })),
        skus: scenario.products
          .flatMap((product) => product.variants.map((variant) => ({ sku: variant.sku, title: product.title })))
          .slice(0, skuLimit(request.query.get("skus"))),
        addresses: CHICAGO_ADDRESSES,
      });
    }
    if (action === "inventory" && request.method === "GET") {
      const sku = request.query.get("sku") ?? "";
      const levels = scenario.locations.map((location) => ({
        locationId: String(location.id),
        locationName: location.name,
        available: shopify.inventoryOf(shopName, String(location.id), sku)?.available ?? 0,
      }));
      return jsonResponse(200, { sku, levels });
    }
    // POS's Orders screen at a store (the demo's Store POS stand-in lists them).
    if (action === "orders" && request.method === "GET") {
      return jsonResponse(200, { orders: shopify.ordersAt(shopName, request.query.get("locationId") ?? "") });
    }
    const body = parseJson(request.body);
    if (!body) return jsonResponse(400, { error: "expected a JSON object" });
    try {
      if (action === "inventory" && request.method === "POST") {
        shopify.setAvailable(shopName, {
          locationId: String(body.locationId),
          sku: String(body.sku),
          available: Number(body.available),
        });
        saveState();
        return jsonResponse(200, { ok: true });
      }
      if (action === "orders" && request.method === "POST") {
        const order = shopify.placeOrder(shopName, body as unknown as Parameters<ShopifyEmulator["placeOrder"]>[1]);
        saveState();
        return jsonResponse(201, order);
      }
    } catch (error) {
      return jsonResponse(422, { error: error instanceof Error ? error.message : String(error) });
    }
    return jsonResponse(404, { error: `no such control endpoint: ${request.method} ${request.path}` });
  }

  async function route(request: EmulatorRequest): Promise<EmulatorResponse> {
    const file = request.method === "GET" ? staticFile(request.path) : null;
    if (file) return file;
    if (request.path.startsWith("/_emulator/")) {
      if (request.method === "OPTIONS") return emptyResponse(204, cors);
      const reply = await control(request);
      return { ...reply, headers: { ...reply.headers, ...cors } };
    }
    if (request.path.startsWith("/2010-04-01/")) return twilio.handle(request);
    if (request.path.startsWith("/v3/")) return sendgrid.handle(request);
    // OneSignal's current path (api.onesignal.com/notifications) and its older /api/v1 one.
    if (request.path.startsWith("/api/v1/notifications") || request.path.replace(/\/$/, "") === "/notifications") {
      return push.handle(request);
    }
    if (request.path.startsWith("/admin/") || request.path.startsWith("/bulk/")) {
      return shopify.handle({
        method: request.method,
        path: request.path,
        shop: request.headers["x-forwarded-host"],
        headers: request.headers,
        body: request.body,
      });
    }
    return jsonResponse(404, { errors: "Not Found" });
  }

  const server = http.createServer((incoming, outgoing) => {
    toEmulatorRequest(incoming)
      .then(route)
      .then((reply) => send(outgoing, reply))
      .catch((error: unknown) => {
        send(
          outgoing,
          jsonResponse(500, { errors: `emulator failure: ${error instanceof Error ? error.message : String(error)}` }),
        );
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  // On port 0 the public URL is only known now (bulk results and the like are linked by it).
  if (options.port === 0) shopify.setPublicUrl(`http://127.0.0.1:${port}`);

  return {
    url: `http://127.0.0.1:${port}`,
    shop,
    scenario,
    shopify,
    webhooks,
    twilio,
    sendgrid,
    push,
    clock,
    async close() {
      clearTimeout(saveTimer);
      saveTimer = undefined;
      if (options.stateFile) {
        fs.mkdirSync(path.dirname(options.stateFile), { recursive: true });
        fs.writeFileSync(options.stateFile, JSON.stringify(shopify.snapshot()));
      }
      webhooks.stop();
      twilio.stop();
      sendgrid.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A browser keeps idle connections open; they must not hold the shutdown up.
      server.closeAllConnections();
      await closed;
    },
  };
}
