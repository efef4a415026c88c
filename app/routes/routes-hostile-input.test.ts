import crypto from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../dev/emulator/server";
import { signSessionToken } from "../../dev/emulator/session-token";
import {
  generateSendgridSigningKeys,
  SENDGRID_SIGNATURE_HEADER,
  SENDGRID_TIMESTAMP_HEADER,
  signSendgridPayload,
} from "../../dev/emulator/vendors/sendgrid-signature";
import { twilioSignature } from "../../dev/emulator/vendors/twilio-signature";
import { sessionTokenFor, startTestEmulator } from "../../tests/support/emulator";
import {
  type Answer,
  type HostileBody,
  type Scheme,
  callHandler,
  changedTables,
  databaseFingerprint,
  formVocabularyOf,
  HOSTILE_BODIES,
  HOSTILE_VALUES,
  hostileQueries,
  loadRoute,
  ODD_QUERIES,
  routeIdOf,
  routeModuleFiles,
  routeParams,
  schemeOf,
  webhookTopicOf,
} from "../../tests/support/hostile-input";
import { seedMirror } from "../../tests/support/mirror";
import { shippedOrderFacts } from "../../tests/support/order-facts";
import { installedShop, uniqueShop } from "../../tests/support/shops";
import { signWebhookBody, TEST_APP } from "../../tests/support/shopify-app";

/**
 * Every route the app serves (found on disk, so a new route joins by existing), called as its
 * own client would call it (the admin's session token, POS's, the checkout's, Shopify's app proxy
 * signature, Shopify's, Twilio's and SendGrid's webhook signatures, the signed links) but with
 * what a hostile client could send: garbage, huge, empty, repeated, unicode and NUL query and
 * route parameters; bodies that are empty, of the wrong type, broken or 2 MB; credentials that are
 * missing, forged or expired; and another shop's ids. No answer is a 5xx; a refused request writes
 * nothing; another shop's record is a 404 that shows none of it.
 */

let emulator: RunningEmulator;
let prisma: PrismaClient;
/** The shop whose credentials every request carries (installed, with stores, tasks, orders, photos). */
let shopA: string;
/** Another installed shop, whose records shop A's credentials must never reach. */
const shopB = uniqueShop();
/**
 * The installed shop Shopify's webhooks come from: a body the sweep sends may be a valid
 * app/uninstalled or shop/redact, which must not take shop A's session and records away.
 */
const webhookShop = uniqueShop();

const LOCATION_ID = "1";
const OTHER_SECRET = "not-the-app-secret-0123456789abcd";
const HOUR_MS = 3_600_000;
const twilio = {
  accountSid: `AC${crypto.randomBytes(16).toString("hex")}`,
  authToken: crypto.randomBytes(16).toString("hex"),
};
const sendgridKeys = generateSendgridSigningKeys();
const strangerKeys = generateSendgridSigningKeys();

interface ShopRecords {
  taskId: string;
  orderId: string;
  orderName: string;
  photoId: string;
  customerName: string;
}
const records: Record<string, ShopRecords> = {};
/** Shop A's text message, whose status callbacks Twilio posts with `?nid=`. */
let smsNotificationId: string;
let seeded = 0;

async function seedShopRecords(shop: string, customerName: string): Promise<ShopRecords> {
  seeded += 1;
  const orderId = String(880_000 + seeded);
  const orderName = `#${77_000 + seeded}`;
  const task = await prisma.storeTask.create({
    data: {
      shop,
      fulfillmentOrderId: String(990_000 + seeded),
      orderId,
      orderName,
      locationId: LOCATION_ID,
      kind: "PICKUP",
      pickupCode: `K7M4Q${seeded}`,
      customerName,
      assignedAt: new Date(),
      lines: {
        create: [{ shop, lineItemId: "11", position: 0, sku: "TEE-M", title: "Tee", variantTitle: "M", quantity: 1 }],
      },
    },
  });
  const photo = await prisma.storeTaskPhoto.create({
    data: {
      shop,
      taskId: task.id,
      purpose: "DELIVERY",
      contentType: "image/jpeg",
      bytes: Uint8Array.from([0xff, 0xd8, 0xff, 0xd9]),
      width: 1,
      height: 1,
      takenAt: new Date(),
      clientRequestId: crypto.randomUUID(),
    },
  });
  const { upsertOrderFacts } = await import("~/models/routed-orders.server");
  const { createDecision } = await import("~/models/routing-decisions.server");
  await upsertOrderFacts(prisma, shop, shippedOrderFacts(orderId), "WEBHOOK");
  await createDecision(prisma, shop, {
    orderId,
    status: "ROUTED",
    assignments: [{ locationId: LOCATION_ID, lines: [{ sku: "TEE-M", quantity: 1 }], cost: 9.15, distanceMiles: 1.2 }],
    flags: [],
    unroutableSkus: [],
    trace: { stages: [] },
    deliveryMethod: "SHIPPING",
    serviceLevel: "STANDARD",
    settingsVersion: null,
    decidedAt: new Date(),
    moveStatus: "DONE",
  });
  return { taskId: task.id, orderId, orderName, photoId: photo.id, customerName };
}

beforeAll(async () => {
  emulator = await startTestEmulator();
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  ({ prisma } = await import("~/db.server"));
  shopA = emulator.shop;
  // Shop A's offline session, as installing the app leaves it.
  const { authenticate } = await import("~/shopify.server");
  await authenticate.admin(
    new Request(`${TEST_APP.appUrl}/app`, { headers: { Authorization: `Bearer ${sessionTokenFor(shopA)}` } }),
  );
  await installedShop(shopA);
  await installedShop(shopB);
  await installedShop(webhookShop);
  for (const shop of [shopA, shopB]) {
    await seedMirror(prisma, shop, [
      { locationId: LOCATION_ID, name: `Loop of ${shop}`, kind: "STORE", lat: 41.88, lng: -87.63, stock: {} },
    ]);
  }
  records[shopA] = await seedShopRecords(shopA, "Ada Lovelace");
  records[shopB] = await seedShopRecords(shopB, "Grace Hopper");
  const { saveShopTwilioAccount } = await import("~/services/notifications/sms/messaging-account.server");
  await saveShopTwilioAccount(shopA, {
    accountSid: twilio.accountSid,
    authToken: twilio.authToken,
    messagingServiceSid: `MG${crypto.randomBytes(16).toString("hex")}`,
    smsHelpText: null,
  });
  smsNotificationId = (
    await prisma.notification.create({
      data: {
        shop: shopA,
        orderId: records[shopA]!.orderId,
        step: "REMINDER_DAY_2",
        channel: "SMS",
        recipient: "+13125550123",
        sendAt: new Date(),
        status: "SENT",
      },
    })
  ).id;
  await prisma.shopMessagingAccount.update({
    where: { shop: shopA },
    data: { sendgridEventPublicKey: sendgridKeys.publicKey },
  });
}, 60_000);

afterAll(async () => {
  console.log(`hostile-input sweep: ${sent} requests to ${files.length} route modules`);
  await emulator?.close();
});

/**
 * The body the route's own client posts, so that hostile query and route parameters (a task id
 * that is none) reach the service rather than stopping at the body's check.
 */
function wellFormedBody(file: string): HostileBody {
  const requestId = crypto.randomUUID();
  const id = routeIdOf(file);
  const bodies: [RegExp, object][] = [
    [/\.transition$/, { requestId, to: "PICKING" }],
    [/\.scan$/, { requestId, code: "K7M4Q1" }],
    [/\.confirm-line$/, { requestId, lineItemId: "11", quantity: 1, reason: "NO_BARCODE" }],
    [/\.exception$/, { requestId, lineItemId: "11", reason: "NOT_FOUND" }],
    [/\.bin-location$/, { requestId, lineItemId: "11", code: "Aisle 4, Bin 12" }],
    [/\.photos$/, { requestId, purpose: "EXCEPTION", base64: "/9j/2Q==", width: 1, height: 1, type: "image/jpeg" }],
    [/^api\.pos\.handover\.lookup$/, { code: "K7M4Q1" }],
    [/\.pickup-pass$/, { orderId: "gid://shopify/Order/1", confirmationNumber: "ABC123XYZ" }],
    [
      /^api\.checkout\.pickup-availability$/,
      {
        lines: [{ variantId: "gid://shopify/ProductVariant/1", quantity: 1 }],
        option: {
          name: "Loop",
          address: { address1: "11 N State St", city: "Chicago", zip: "60602", provinceCode: "IL", countryCode: "US" },
        },
      },
    ],
  ];
  const body = bodies.find(([pattern]) => pattern.test(id))?.[1] ?? {};
  return { name: "the route's own kind of body", contentType: "application/json", body: JSON.stringify(body) };
}

/** The form Twilio posts to the route, for shop A's account. */
function twilioForm(file: string): Record<string, string> {
  const sid = `SM${crypto.randomBytes(16).toString("hex")}`;
  const base = { AccountSid: twilio.accountSid, MessageSid: sid };
  if (routeIdOf(file).endsWith(".inbound")) return { ...base, From: "+13125550123", Body: "HELP", FromCountry: "US" };
  if (routeIdOf(file).endsWith(".status")) return { ...base, MessageStatus: "delivered", To: "+13125550123" };
  return base;
}

/** How a request proves who it is from: what the app's own client sends, or a bad imitation. */
type Credential = "VALID" | "MISSING" | "FORGED" | "EXPIRED" | "GARBAGE";
const REFUSED_CREDENTIALS: Credential[] = ["MISSING", "FORGED", "EXPIRED", "GARBAGE"];

interface Call {
  file: string;
  /** GET, HEAD and OPTIONS reach the loader (Remix's rule); any other method the action. */
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS";
  /** The raw query string (percent-encoded as sent), without the credential's own parameters. */
  query?: string;
  params?: Record<string, string>;
  body?: HostileBody;
  credential?: Credential;
  /** Shopify's webhooks: the shop domain header, when not the installed webhook shop. */
  webhookShop?: string;
}

function sessionToken(shop: string, credential: Credential, extra: { userId?: string } = {}): string | null {
  switch (credential) {
    case "VALID":
      return signSessionToken({ shop, apiKey: TEST_APP.apiKey, ...extra, now: new Date() }, TEST_APP.apiSecret);
    case "FORGED":
      return signSessionToken({ shop, apiKey: TEST_APP.apiKey, ...extra, now: new Date() }, OTHER_SECRET);
    case "EXPIRED":
      return signSessionToken(
        { shop, apiKey: TEST_APP.apiKey, ...extra, now: new Date(Date.now() - HOUR_MS) },
        TEST_APP.apiSecret,
      );
    case "GARBAGE":
      return "not.a.jwt";
    case "MISSING":
      return null;
  }
}

/** Shopify's app proxy signature of the query (each repeated name's values joined by commas). */
function proxySignature(parameters: URLSearchParams, secret: string): string {
  const names = [...new Set(parameters.keys())].filter((name) => name !== "signature").sort();
  const message = names.map((name) => `${name}=${parameters.getAll(name).join(",")}`).join("");
  return crypto.createHmac("sha256", secret).update(message, "utf8").digest("hex");
}

/** A parameter as a client puts it in the path; a lone surrogate, which UTF-8 cannot encode, as its raw bytes. */
function encodePathSegment(value: string): string {
  return [...value]
    .map((character) => (/[\uD800-\uDFFF]/.test(character) ? "%ED%A0%80" : encodeURIComponent(character)))
    .join("");
}

/** The URL path of a route: `app.orders.$orderId` with `{ orderId }` → `/app/orders/<orderId>`. */
function pathOf(file: string, params: Record<string, string>): string {
  const id = routeIdOf(file);
  if (id === "_index") return "/";
  return `/${id
    .split(".")
    .filter((segment) => !segment.startsWith("_"))
    .map((segment) =>
      segment === "$" ? "x" : segment.startsWith("$") ? encodePathSegment(params[segment.slice(1)] ?? "") : segment,
    )
    .join("/")}`;
}

/** The request the route's client would send, with the call's hostile parts and credential. */
async function requestFor(scheme: Scheme, call: Call): Promise<{ request: Request; params: Record<string, string> }> {
  const credential = call.credential ?? "VALID";
  const params = { ...call.params };
  const headers = new Headers();
  let query = call.query ?? "";
  let body = !["GET", "HEAD", "OPTIONS"].includes(call.method) ? (call.body ?? wellFormedBody(call.file)) : null;
  if (body?.contentType) headers.set("Content-Type", body.contentType);
  const bearer = (token: string | null) => token && headers.set("Authorization", `Bearer ${token}`);

  switch (scheme) {
    case "ADMIN":
      bearer(sessionToken(shopA, credential));
      break;
    case "POS":
      headers.set("Origin", "https://extensions.shopifycdn.com");
      bearer(sessionToken(shopA, credential, { userId: "9001" }));
      // After the call's own: a hostile locationId the call sends comes first, and is the one read.
      query = `${query ? `${query}&` : ""}locationId=${LOCATION_ID}`;
      break;
    case "CHECKOUT":
    case "CUSTOMER_ACCOUNT":
      headers.set("Origin", "https://checkout.shopify.com");
      bearer(sessionToken(shopA, credential));
      break;
    case "APP_PROXY": {
      const parameters = new URLSearchParams(query);
      parameters.set("shop", shopA);
      parameters.set("logged_in_customer_id", "");
      parameters.set("path_prefix", "/apps/omniroute");
      const now = Math.floor(Date.now() / 1000);
      parameters.set("timestamp", String(credential === "EXPIRED" ? now - 3_600 : now));
      if (credential === "VALID" || credential === "EXPIRED") {
        parameters.set("signature", proxySignature(parameters, TEST_APP.apiSecret));
      }
      if (credential === "FORGED") parameters.set("signature", proxySignature(parameters, OTHER_SECRET));
      if (credential === "GARBAGE") parameters.set("signature", "garbage");
      query = parameters.toString();
      break;
    }
    case "SHOPIFY_WEBHOOK": {
      headers.set("X-Shopify-Topic", webhookTopicOf(call.file));
      headers.set("X-Shopify-Shop-Domain", call.webhookShop ?? webhookShop);
      headers.set("X-Shopify-API-Version", "2026-04");
      headers.set("X-Shopify-Webhook-Id", crypto.randomUUID());
      headers.set("X-Shopify-Event-Id", crypto.randomUUID());
      headers.set("X-Shopify-Triggered-At", new Date().toISOString());
      const text = body?.body ?? "";
      if (credential === "VALID") headers.set("X-Shopify-Hmac-Sha256", signWebhookBody(text));
      // Shopify's signature has no time in it: the stale credential is a signature of another payload.
      if (credential === "EXPIRED") headers.set("X-Shopify-Hmac-Sha256", signWebhookBody(`${text} `));
      if (credential === "FORGED") headers.set("X-Shopify-Hmac-Sha256", signWebhookBody(text, OTHER_SECRET));
      if (credential === "GARBAGE") headers.set("X-Shopify-Hmac-Sha256", "garbage");
      break;
    }
    case "TWILIO": {
      const url = `${TEST_APP.appUrl}${pathOf(call.file, params)}${query ? `?${query}` : ""}`;
      const isForm = body?.contentType === FORM;
      const form = body && isForm ? new URLSearchParams(body.body) : new URLSearchParams();
      // A form names the shop's account, as Twilio's do, so a signed one reaches the signature check and past it.
      if (body && isForm && !form.has("AccountSid")) {
        body = { ...body, body: `${body.body}&AccountSid=${twilio.accountSid}` };
        form.set("AccountSid", twilio.accountSid);
      }
      const signed = Object.fromEntries(form);
      if (credential === "VALID") headers.set("X-Twilio-Signature", twilioSignature(twilio.authToken, url, signed));
      // Twilio's signature has no time in it either: the stale credential was signed for another URL.
      if (credential === "EXPIRED") {
        headers.set("X-Twilio-Signature", twilioSignature(twilio.authToken, `${TEST_APP.appUrl}/elsewhere`, signed));
      }
      if (credential === "FORGED") headers.set("X-Twilio-Signature", twilioSignature("not-the-token", url, signed));
      if (credential === "GARBAGE") headers.set("X-Twilio-Signature", "garbage");
      break;
    }
    case "SENDGRID": {
      const now = Math.floor(Date.now() / 1000);
      const timestamp = String(credential === "EXPIRED" ? now - 3_600 : now);
      const text = body?.body ?? "";
      const key = credential === "FORGED" ? strangerKeys.privateKey : sendgridKeys.privateKey;
      if (credential !== "MISSING") {
        headers.set(SENDGRID_TIMESTAMP_HEADER, timestamp);
        headers.set(
          SENDGRID_SIGNATURE_HEADER,
          credential === "GARBAGE" ? "garbage" : signSendgridPayload(key, text, timestamp),
        );
      }
      break;
    }
    case "PICKUP_PASS": {
      if (!call.params) {
        const { signPickupPassToken } = await import("~/services/pickup-pass/pickup-pass-link.server");
        const orderId = records[shopA]!.orderId;
        params["token"] = {
          VALID: () => signPickupPassToken({ shop: shopA, orderId }),
          // A pass has no time in it: it ends with its pickup. The stale one is of an order the app no longer has.
          EXPIRED: () => signPickupPassToken({ shop: shopA, orderId: "1" }),
          FORGED: () => signPickupPassToken({ shop: shopA, orderId }, OTHER_SECRET),
          GARBAGE: () => "garbage",
          MISSING: () => "",
        }[credential]();
      }
      break;
    }
    case "PRINT_LINK": {
      const { signPrintToken } = await import("~/services/store-tasks/print-links.server");
      const claims = {
        shop: shopA,
        locationId: LOCATION_ID,
        taskId: records[shopA]!.taskId,
        document: "PICK_LIST" as const,
      };
      const token = {
        VALID: () => signPrintToken(claims, new Date()).token,
        EXPIRED: () => signPrintToken(claims, new Date(Date.now() - HOUR_MS)).token,
        FORGED: () => signPrintToken(claims, new Date(), OTHER_SECRET).token,
        GARBAGE: () => "garbage",
        MISSING: () => null,
      }[credential]();
      if (token) query = `token=${encodeURIComponent(token)}${query ? `&${query}` : ""}`;
      break;
    }
    case "PUBLIC":
      break;
  }
  const url = `${TEST_APP.appUrl}${pathOf(call.file, params)}${query ? `?${query}` : ""}`;
  const init: RequestInit = { method: call.method, headers };
  if (body && body.body !== "") init.body = body.body;
  return { request: new Request(url, init), params };
}

let sent = 0;
async function send(call: Call): Promise<Answer> {
  sent += 1;
  const scheme = schemeOf(call.file)!;
  const module = await loadRoute(call.file);
  const handler = ["GET", "HEAD", "OPTIONS"].includes(call.method) ? module.loader : module.action;
  if (!handler) return { status: 405, text: "no handler" };
  const { request, params } = await requestFor(scheme, call);
  return callHandler(handler, request, params);
}

/** The calls, a few at a time (the machine has two cores): each failure described. */
async function sweep(calls: Call[], fails: (answer: Answer, call: Call) => boolean): Promise<string[]> {
  const failures: string[] = [];
  const parallel = 6;
  for (let start = 0; start < calls.length; start += parallel) {
    const batch = calls.slice(start, start + parallel);
    const answers = await Promise.all(batch.map((call) => send(call)));
    answers.forEach((answer, index) => {
      const call = batch[index]!;
      if (fails(answer, call)) failures.push(describeCall(call, answer));
      else if (saysNothing(answer, call)) failures.push(`${describeCall(call, answer)} (a refusal without a message)`);
    });
  }
  return failures;
}

function describeCall(call: Call, answer: Answer): string {
  const what = [
    call.method,
    call.credential && call.credential !== "VALID" ? `${call.credential} credential` : null,
    call.query ? `?${call.query.slice(0, 60)}` : null,
    call.params && Object.keys(call.params).length ? `params ${JSON.stringify(call.params).slice(0, 60)}` : null,
    call.body ? `body: ${call.body.name}` : null,
  ]
    .filter(Boolean)
    .join(" ");
  return `${what} → ${answer.status} ${answer.text.slice(0, 160)}`;
}

/** Route parameters of garbage, but for the pickup pass, whose parameter is its credential (signed per call). */
const paramsUnlessPass = (file: string): Pick<Call, "params"> =>
  schemeOf(file) === "PICKUP_PASS" ? {} : { params: routeParams(file, "garbage") };

/** The ways into an admin page without a session token that Shopify's own flows use, abused. */
function unauthenticatedAdminQueries(file: string): Call[] {
  const queries = [
    `embedded=1&shop=${shopA}&host=x`,
    `embedded=1&shop=${shopA}`,
    "embedded=1&shop=evil.example.com&host=x",
    `embedded=1&shop=${shopA}&host=x&id_token=garbage`,
    `shop=&shop=${shopA}&host=&embedded=1&embedded=0`,
  ];
  return queries.map((query) => ({
    file,
    method: "GET" as const,
    credential: "MISSING" as const,
    query,
    params: routeParams(file, "garbage"),
  }));
}

/**
 * A refusal that says nothing. The one exception: Shopify's library answers an admin request with
 * a bad session token 401 and an empty body, with a header that tells App Bridge to fetch a new
 * token and retry; that is its protocol, not a message for a person.
 */
function saysNothing(answer: Answer, call: Call): boolean {
  if (answer.status < 400 || answer.text.trim() !== "") return false;
  return !(schemeOf(call.file) === "ADMIN" && answer.status === 401);
}

const FORM = "application/x-www-form-urlencoded";

/** The paths of a JSON value's leaves: `{ a: [{ b: 1 }] }` → `[["a", "0", "b"]]`. */
function leafPaths(value: unknown, at: string[] = []): string[][] {
  if (typeof value !== "object" || value === null) return [at];
  const entries = Object.entries(value);
  return entries.length === 0 ? [at] : entries.flatMap(([key, child]) => leafPaths(child, [...at, key]));
}

/** A copy of `value` with the leaf at `path` replaced. */
function withValueAt(value: unknown, path: string[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [key, ...rest] = path as [string, ...string[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string, unknown>;
  copy[key] = withValueAt(copy[key], rest, replacement);
  return copy;
}

/** What a JSON field can hold that the route does not expect. */
const HOSTILE_JSON_VALUES: unknown[] = [
  "",
  "\uD800",
  "a\u0000b",
  "\u202E\u{1F4A9}",
  "x".repeat(5_000),
  "9".repeat(40),
  1e308,
  -1,
  0,
  1.5,
  null,
  true,
  [],
  {},
  { __proto__: { polluted: true } },
];

/** A multipart form whose every field is a file: `form.get(name)` gives a File where the page expects text. */
function multipartOfFiles(fields: string[], intent: string | undefined): HostileBody {
  const boundary = "----omniroute-files";
  const parts = fields
    .filter((field) => field !== "intent")
    .map(
      (field) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="x.csv"\r\nContent-Type: text/csv\r\n\r\n1,2\r\n`,
    );
  if (intent) parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\n${intent}\r\n`);
  return {
    name: `intent ${intent ?? "none"}, every field a file`,
    contentType: `multipart/form-data; boundary=${boundary}`,
    body: `${parts.join("")}--${boundary}--\r\n`,
  };
}

const is5xx = (answer: Answer) => answer.status >= 500;

/**
 * SendGrid batches naming shop A (so its key is looked up and the signature checked) whose
 * events are hostile: ids that are none, huge numbers, unknown events, wrong types.
 */
function sendgridBatches(): HostileBody[] {
  const event = (values: Record<string, unknown>) => ({
    email: "ada@example.com",
    timestamp: Math.floor(Date.now() / 1000),
    event: "delivered",
    sg_event_id: crypto.randomUUID(),
    shop: shopA,
    notificationId: crypto.randomUUID(),
    ...values,
  });
  const batches: [string, unknown][] = [
    ["events of garbage ids", [event({ notificationId: "garbage", sg_event_id: "9".repeat(40) })]],
    ["an event with a huge timestamp", [event({ timestamp: 1e308 })]],
    ["an unknown event", [event({ event: "\u202E\u0000", asm_group_id: -1 })]],
    ["fields of the wrong type", [event({ event: 7, shop: [shopA], email: { a: 1 } })]],
    ["a list of nulls", [null, 1, "x", event({})]],
  ];
  return batches.map(([name, batch]) => ({ name, contentType: "application/json", body: JSON.stringify(batch) }));
}

const files = routeModuleFiles();

describe("every route the app serves, swept with hostile input", () => {
  it("knows how to call every route module (a new auth scheme extends the sweep, it is not skipped)", () => {
    const unknown = files.filter((file) => schemeOf(file) === null);
    expect(unknown).toEqual([]);
    expect(files).toEqual(
      expect.arrayContaining([
        "app.orders._index.tsx",
        "api.pos.tasks.$taskId.ts",
        "apps.omniroute.pickup-availability.ts",
        "webhooks.orders.create.ts",
        "webhooks.twilio.inbound.ts",
        "webhooks.sendgrid.events.ts",
        "pickup.$token/route.tsx",
        "print.store-task.ts",
        "auth.login/route.tsx",
        "_index/route.tsx",
      ]),
    );
  });

  it.each(files)(
    "%s: hostile query and route parameters never answer a 5xx, and refused ones write nothing",
    async (file) => {
      const module = await loadRoute(file);
      const before = await databaseFingerprint(prisma);
      const methods = [module.loader && ("GET" as const), module.action && ("POST" as const)].filter(
        (method): method is "GET" | "POST" => Boolean(method),
      );
      const calls: Call[] = methods.flatMap((method) => [
        ...HOSTILE_VALUES.flatMap((value) =>
          hostileQueries(value).map((query) => ({ file, method, query, params: routeParams(file, value.param) })),
        ),
        ...ODD_QUERIES.map((query) => ({ file, method, query, params: routeParams(file, "garbage") })),
        // POS reads the device's location from the query before anything else.
        ...(schemeOf(file) === "POS"
          ? HOSTILE_VALUES.map((value) => ({
              file,
              method,
              query: `locationId=${value.raw}`,
              params: routeParams(file, "garbage"),
            }))
          : []),
      ]);
      const statuses: number[] = [];
      const failures = await sweep(calls, (answer) => {
        statuses.push(answer.status);
        return is5xx(answer);
      });
      expect(failures).toEqual([]);
      // The credential the sweep signs is accepted: the hostile values reach the route, not only its lock.
      expect(statuses.filter((status) => status !== 401 && status !== 403).length, statuses.join(",")).toBeGreaterThan(
        0,
      );
      if (statuses.every((status) => status >= 400)) {
        expect(changedTables(before, await databaseFingerprint(prisma))).toEqual([]);
      }
    },
  );

  const actions = files.filter((file) => schemeOf(file) !== null);
  it.each(actions)("%s: hostile bodies never answer a 5xx, and a refused one writes nothing", async (file) => {
    const module = await loadRoute(file);
    if (!module.action) return;
    const before = await databaseFingerprint(prisma);
    const bodies = schemeOf(file) === "SENDGRID" ? [...HOSTILE_BODIES, ...sendgridBatches()] : HOSTILE_BODIES;
    const calls: Call[] = bodies.map((body) => ({
      file,
      method: "POST",
      body,
      ...paramsUnlessPass(file),
    }));
    const answers: Answer[] = [];
    const failures = await sweep(calls, (answer) => {
      answers.push(answer);
      return is5xx(answer);
    });
    expect(failures).toEqual([]);
    if (answers.every((answer) => answer.status >= 400)) {
      expect(changedTables(before, await databaseFingerprint(prisma))).toEqual([]);
    }
  });

  const formRoutes = files.filter((file) => ["ADMIN", "PICKUP_PASS", "PUBLIC"].includes(schemeOf(file) ?? ""));
  it.each(formRoutes)(
    "%s: its own forms, every field hostile (and a file where text is expected), never answer a 5xx",
    async (file) => {
      const module = await loadRoute(file);
      if (!module.action) return;
      const { fields, intents } = formVocabularyOf(file);
      const forms = [undefined, ...intents].flatMap((intent) =>
        HOSTILE_VALUES.map((value) => {
          const body = fields
            .filter((field) => field !== "intent")
            .map((field) => `${encodeURIComponent(field)}=${value.raw}`)
            .concat(intent ? [`intent=${intent}`] : [])
            .join("&");
          return { name: `intent ${intent ?? "none"}, fields ${value.name}`, contentType: FORM, body };
        }),
      );
      const files_ = [undefined, ...intents].map((intent) => multipartOfFiles(fields, intent));
      const calls: Call[] = [...forms, ...files_].map((body) => ({
        file,
        method: "POST",
        body,
        ...paramsUnlessPass(file),
      }));
      expect(await sweep(calls, is5xx)).toEqual([]);
    },
  );

  it.each(files)("%s: other methods (PUT, PATCH, DELETE, HEAD, OPTIONS) never answer a 5xx", async (file) => {
    const module = await loadRoute(file);
    const calls: Call[] = [
      ...(module.loader ? (["HEAD", "OPTIONS"] as const) : []),
      ...(module.action ? (["PUT", "PATCH", "DELETE"] as const) : []),
    ].map((method) => ({ file, method, ...paramsUnlessPass(file) }));
    expect(await sweep(calls, is5xx)).toEqual([]);
  });

  it("sees a write: the fingerprint that shows refused requests wrote nothing is not blind", async () => {
    const before = await databaseFingerprint(prisma);
    expect(before.size).toBeGreaterThan(20);
    const row = await prisma.shopInstallation.create({ data: { shop: uniqueShop() } });
    expect(changedTables(before, await databaseFingerprint(prisma))).toEqual(["public.ShopInstallation"]);
    await prisma.shopInstallation.delete({ where: { shop: row.shop } });
    expect(changedTables(before, await databaseFingerprint(prisma))).toEqual([]);
  });

  const jsonRoutes = files.filter((file) => ["POS", "CHECKOUT", "CUSTOMER_ACCOUNT"].includes(schemeOf(file) ?? ""));
  it.each(jsonRoutes)(
    "%s: its own body with one field at a time made hostile, on shop A's real task, never answers a 5xx",
    async (file) => {
      const module = await loadRoute(file);
      if (!module.action) return;
      const own = JSON.parse(wellFormedBody(file).body) as unknown;
      const calls: Call[] = leafPaths(own).flatMap((field) =>
        HOSTILE_JSON_VALUES.map((value) => ({
          file,
          method: "POST" as const,
          params: routeParams(file, records[shopA]!.taskId),
          body: {
            name: `${field.join(".")}: ${JSON.stringify(value)?.slice(0, 20)}`,
            contentType: "application/json",
            body: JSON.stringify(withValueAt(own, field, value)),
          },
        })),
      );
      expect(await sweep(calls, is5xx)).toEqual([]);
    },
  );

  const twilioRoutes = files.filter((file) => schemeOf(file) === "TWILIO");
  it.each(twilioRoutes)(
    "%s: Twilio's own form, one field at a time made hostile and validly signed, never answers a 5xx",
    async (file) => {
      const own = twilioForm(file);
      const query = routeIdOf(file).endsWith(".status") ? `nid=${smsNotificationId}` : "";
      const calls: Call[] = Object.keys(own).flatMap((field) =>
        HOSTILE_VALUES.map((value) => ({
          file,
          method: "POST" as const,
          query,
          body: {
            name: `${field}: ${value.name}`,
            contentType: FORM,
            body: Object.entries(own)
              .map(([name, ownValue]) => `${name}=${name === field ? value.raw : encodeURIComponent(ownValue)}`)
              .join("&"),
          },
        })),
      );
      const statuses: number[] = [];
      const failures = await sweep(calls, (answer) => {
        statuses.push(answer.status);
        return is5xx(answer);
      });
      expect(failures).toEqual([]);
      // The signature held: the hostile fields reached the route, not only its lock.
      expect(
        statuses.some((status) => status !== 403),
        statuses.join(","),
      ).toBe(true);
    },
  );

  const guarded = files.filter((file) => schemeOf(file) !== "PUBLIC");
  it.each(guarded)(
    "%s: a missing, forged, expired or garbage credential is refused with a 4xx (or a redirect to log in) and writes nothing",
    async (file) => {
      const module = await loadRoute(file);
      const before = await databaseFingerprint(prisma);
      const calls: Call[] = REFUSED_CREDENTIALS.flatMap((credential) => [
        ...(module.loader ? [{ file, method: "GET" as const, credential, ...paramsUnlessPass(file) }] : []),
        ...(module.action
          ? [
              { file, method: "POST" as const, credential, ...paramsUnlessPass(file) },
              ...HOSTILE_BODIES.slice(2, 5).map((body) => ({
                file,
                method: "POST" as const,
                credential,
                body,
                ...paramsUnlessPass(file),
              })),
            ]
          : []),
      ]);
      if (schemeOf(file) === "ADMIN") calls.push(...unauthenticatedAdminQueries(file));
      const scheme = schemeOf(file);
      const redirectsAllowed = scheme === "ADMIN";
      const failures = await sweep(calls, (answer) =>
        redirectsAllowed ? answer.status < 300 || answer.status >= 500 : answer.status < 400 || answer.status >= 500,
      );
      expect(failures).toEqual([]);
      expect(changedTables(before, await databaseFingerprint(prisma))).toEqual([]);
    },
  );
});

describe("Shopify's webhooks, validly signed, from shops that are not installed or are not shops", () => {
  const shopifyWebhooks = files.filter((file) => schemeOf(file) === "SHOPIFY_WEBHOOK");
  const COMPLIANCE = /^webhooks\.(customers\.data_request|customers\.redact|shop\.redact)\b/;

  it.each(shopifyWebhooks)("%s: a shop domain that is no shop's answers a 4xx and writes nothing", async (file) => {
    const before = await databaseFingerprint(prisma);
    const domains = [
      "evil.example.com",
      "",
      "x".repeat(5_000),
      "a%00b.myshopify.com",
      "../../etc.myshopify.com",
      "shop.myshopify.com.evil.example",
    ];
    const calls: Call[] = domains.map((domain) => ({
      file,
      method: "POST",
      webhookShop: domain,
      body: { name: `from ${domain.slice(0, 20)}`, contentType: "application/json", body: JSON.stringify({ id: 1 }) },
    }));
    const failures = await sweep(calls, (answer) => answer.status < 400 || answer.status >= 500);
    expect(failures).toEqual([]);
    expect(changedTables(before, await databaseFingerprint(prisma))).toEqual([]);
  });

  it.each(shopifyWebhooks.filter((file) => !COMPLIANCE.test(routeIdOf(file))))(
    "%s: from a shop that never installed the app, nothing is stored or queued",
    async (file) => {
      const before = await databaseFingerprint(prisma);
      const stranger = uniqueShop();
      const bodies = [JSON.stringify({ id: 1, admin_graphql_api_id: "gid://shopify/Order/1" }), "{}"];
      const failures = await sweep(
        bodies.map((body) => ({
          file,
          method: "POST",
          webhookShop: stranger,
          body: { name: "a plain payload", contentType: "application/json", body },
        })),
        is5xx,
      );
      expect(failures).toEqual([]);
      expect(changedTables(before, await databaseFingerprint(prisma))).toEqual([]);
    },
  );
});

describe("another shop's ids, with shop A's valid credentials", () => {
  /** Shop B's record as shop A's client would ask for it: a 4xx, and nothing of B's in the answer. */
  function showsNothingOfB(answer: Answer): boolean {
    const b = records[shopB]!;
    return (
      answer.status >= 400 &&
      answer.status < 500 &&
      ![b.customerName, b.orderName, b.taskId, shopB].some((secret) => answer.text.includes(secret))
    );
  }

  it("the routing rules comparison answers shop B's comparison as not found", async () => {
    const { startComparison } = await import("~/services/routing-comparison/comparison.server");
    const { DEFAULT_ROUTING_SETTINGS } = await import("~/domain/routing-settings/settings");
    const { toSettingsForm } = await import("~/domain/routing-settings/settings-form");
    const compare = async (shop: string) => {
      const started = await startComparison({
        shop,
        form: toSettingsForm(DEFAULT_ROUTING_SETTINGS),
        currency: "USD",
        now: new Date(),
        enqueue: () => Promise.reject(new Error("a shop with few orders compares in the request")),
      });
      if (!started.ok) throw new Error("the defaults did not parse");
      return started.comparisonId;
    };
    const file = "app.routing-comparisons.$comparisonId.ts";
    const comparisonOfB = await compare(shopB);
    const ofB = await send({ file, method: "GET", params: { comparisonId: comparisonOfB } });
    expect(showsNothingOfB(ofB) && ofB.status === 404, `${ofB.status} ${ofB.text}`).toBe(true);
    // Nor is one of its orders explained, asked by its own order id.
    const why = await send({
      file: "app.routing-comparisons.$comparisonId_.orders.$orderId.ts",
      method: "GET",
      params: { comparisonId: comparisonOfB, orderId: records[shopB]!.orderId },
    });
    expect(showsNothingOfB(why) && why.status === 404, `${why.status} ${why.text}`).toBe(true);
    // Shop A's own, asked the same way, is there: the 404 is about the shop, not the request.
    const own = await send({ file, method: "GET", params: { comparisonId: await compare(shopA) } });
    expect(own.status).toBe(200);
  });

  it("every POS task route answers shop B's task as not found", async () => {
    const taskRoutes = files.filter((file) => /^api\.pos\.tasks\.\$taskId/.test(file));
    expect(taskRoutes.length).toBeGreaterThan(5);
    const failures: string[] = [];
    for (const file of taskRoutes) {
      const module = await loadRoute(file);
      const params = { taskId: records[shopB]!.taskId };
      const query = file.includes("print-link") ? "document=PICK_LIST" : "";
      if (module.loader && !module.action) {
        const answer = await send({ file, method: "GET", params, query });
        if (!showsNothingOfB(answer) || answer.status !== 404)
          failures.push(`${file} GET → ${answer.status} ${answer.text}`);
      }
      if (module.action) {
        const answer = await send({ file, method: "POST", params, body: wellFormedBody(file) });
        if (!showsNothingOfB(answer) || answer.status !== 404)
          failures.push(`${file} POST → ${answer.status} ${answer.text}`);
      }
    }
    expect(failures).toEqual([]);
    // Shop A's own task, asked the same way, is there: the 404 above is about the shop, not the request.
    const own = await send({
      file: "api.pos.tasks.$taskId.ts",
      method: "GET",
      params: { taskId: records[shopA]!.taskId },
    });
    expect(own.status).toBe(200);
  });

  it("the POS order-task lookup and handover lookup find nothing of shop B's", async () => {
    const byOrder = await send({
      file: "api.pos.order-task.ts",
      method: "GET",
      query: `orderId=${records[shopB]!.orderId}`,
    });
    expect(byOrder.status).toBe(200);
    expect(JSON.parse(byOrder.text)).toEqual({ task: null });
    const handover = await send({
      file: "api.pos.handover.lookup.ts",
      method: "POST",
      body: { name: "B's pickup code", contentType: "application/json", body: JSON.stringify({ code: "K7M4Q2" }) },
    });
    expect(showsNothingOfB(handover), handover.text).toBe(true);
  });

  it("the order page answers shop B's order as not found", async () => {
    const answer = await send({
      file: "app.orders.$orderId.tsx",
      method: "GET",
      params: { orderId: records[shopB]!.orderId },
    });
    expect(answer.status).toBe(404);
    expect(showsNothingOfB(answer), answer.text).toBe(true);
    const own = await send({
      file: "app.orders.$orderId.tsx",
      method: "GET",
      params: { orderId: records[shopA]!.orderId },
    });
    expect(own.status).toBe(200);
  });

  it("the store photo route answers shop B's photo as not found", async () => {
    const answer = await send({
      file: "app.store-task-photos.$photoId.ts",
      method: "GET",
      params: { photoId: records[shopB]!.photoId },
    });
    expect(answer.status).toBe(404);
    const own = await send({
      file: "app.store-task-photos.$photoId.ts",
      method: "GET",
      params: { photoId: records[shopA]!.photoId },
    });
    expect(own.status).toBe(200);
  });

  it("the print route prints no task of shop B's, whatever shop A's link says", async () => {
    const { signPrintToken } = await import("~/services/store-tasks/print-links.server");
    const tokens = [
      // Shop A's signed link naming B's task.
      signPrintToken(
        { shop: shopA, locationId: LOCATION_ID, taskId: records[shopB]!.taskId, document: "PICK_LIST" },
        new Date(),
      ).token,
    ];
    for (const token of tokens) {
      const answer = await send({
        file: "print.store-task.ts",
        method: "GET",
        credential: "MISSING",
        query: `token=${encodeURIComponent(token)}`,
      });
      expect(answer.status).toBe(404);
      expect(showsNothingOfB(answer), answer.text).toBe(true);
    }
  });

  it("a pickup pass of shop A's naming shop B's order shows nothing of B's", async () => {
    const { signPickupPassToken } = await import("~/services/pickup-pass/pickup-pass-link.server");
    const token = signPickupPassToken({ shop: shopA, orderId: records[shopB]!.orderId });
    const answer = await send({ file: "pickup.$token/route.tsx", method: "GET", params: { token } });
    expect(answer.status).toBe(404);
    expect(showsNothingOfB(answer), answer.text).toBe(true);
    const own = await send({ file: "pickup.$token/route.tsx", method: "GET" });
    expect(own.status, own.text).toBe(200);
  });
});
