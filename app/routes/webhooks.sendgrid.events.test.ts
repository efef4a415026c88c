import type { Notification, PrismaClient } from "@prisma/client";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { startLoopbackServer } from "../../dev/emulator/vendors/loopback-test-server";
import { SendgridSandbox } from "../../dev/emulator/vendors/sendgrid";
import {
  generateSendgridSigningKeys,
  SENDGRID_SIGNATURE_HEADER,
  SENDGRID_TIMESTAMP_HEADER,
  signSendgridPayload,
  type SendgridSigningKeys,
} from "../../dev/emulator/vendors/sendgrid-signature";
import { TEST_APP } from "../../tests/support/shopify-app";
import { uniqueShop } from "../../tests/support/shops";
import type * as RouteModule from "./webhooks.sendgrid.events";

/**
 * SendGrid's Event Webhook (app/routes/webhooks.sendgrid.events.ts) against the embedded
 * database: batches the emulator's sandbox signs after a real send, and batches signed here with
 * a shop's key, forged, stale, replayed, malformed or hostile. Nothing unsigned changes anything;
 * nothing answers a 5xx.
 */

const URL_PATH = `${TEST_APP.appUrl}/webhooks/sendgrid/events`;
const API_KEY = "SG.shop-account.key";

let prisma: PrismaClient;
let route: typeof RouteModule;
let orderNumber = 7000;

beforeAll(async () => {
  prisma = (await import("~/db.server")).prisma;
  route = await import("./webhooks.sendgrid.events");
});

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function post(request: Request): Promise<Response> {
  try {
    return await route.action({ request, params: {}, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** A shop whose SendGrid account has this Event Webhook key. */
async function shopWithKey(publicKey: string): Promise<string> {
  const shop = uniqueShop();
  await prisma.shopMessagingAccount.create({
    data: { shop, sendgridApiKeySealed: "sealed:not-opened-here", sendgridEventPublicKey: publicKey },
  });
  return shop;
}

async function emailNotification(shop: string, values: Partial<Notification> = {}): Promise<Notification> {
  return prisma.notification.create({
    data: {
      shop,
      orderId: String(++orderNumber),
      step: "REMINDER_DAY_2",
      channel: "EMAIL",
      recipient: "ada@example.com",
      sendAt: new Date(),
      status: "SENT",
      ...values,
    },
  });
}

const reread = (notification: Notification) =>
  prisma.notification.findUniqueOrThrow({ where: { id: notification.id } });

let eventNumber = 0;
function event(notification: Pick<Notification, "id" | "shop">, values: Record<string, unknown> = {}) {
  return {
    email: "ada@example.com",
    timestamp: Math.floor(Date.now() / 1000),
    event: "delivered",
    sg_event_id: `test-event-${++eventNumber}-${notification.id}`,
    sg_message_id: "msg123.filter-1.0",
    shop: notification.shop,
    notificationId: notification.id,
    ...values,
  };
}

function signedRequest(
  keys: SendgridSigningKeys,
  body: unknown,
  { at = new Date(), raw }: { at?: Date; raw?: string } = {},
): Request {
  const payload = raw ?? JSON.stringify(body);
  const timestamp = String(Math.floor(at.getTime() / 1000));
  return new Request(URL_PATH, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      [SENDGRID_SIGNATURE_HEADER]: signSendgridPayload(keys.privateKey, payload, timestamp),
      [SENDGRID_TIMESTAMP_HEADER]: timestamp,
    },
    body: payload,
  });
}

describe("a customer email sent through the sandbox", () => {
  it("is delivered by the sandbox's signed batch, and the same batch again changes nothing", async () => {
    const { sendCustomerEmail } = await import("~/integrations/sendgrid/customer-email.server");
    const sandbox = new SendgridSandbox({
      apiKey: API_KEY,
      eventDelayMs: 1,
      eventWebhookUrl: URL_PATH,
      fetch: (url, init) => post(new Request(url, init)),
    });
    const server = await startLoopbackServer((request) => sandbox.handle(request));
    cleanup.push(
      () => server.close(),
      () => sandbox.stop(),
    );
    const shop = await shopWithKey(sandbox.publicKey);
    // As the sending job leaves it: taken and committed before SendGrid is called.
    const notification = await emailNotification(shop, { status: "SENDING" });

    const outcome = await sendCustomerEmail(
      {
        apiKey: API_KEY,
        from: { email: "hello@windy-city.example" },
        to: "ada@example.com",
        subject: "Your order is waiting",
        html: "<p>Hi</p>",
        text: "Hi",
        customArgs: { notificationId: notification.id, shop },
      },
      { baseUrl: server.url },
    );
    await sandbox.idle();

    expect(outcome).toMatchObject({ ok: true });
    const messageId = outcome.ok ? outcome.messageId : null;
    expect(sandbox.list()[0]!.recipients[0]!.customArgs).toEqual({ notificationId: notification.id, shop });
    const deliveries = sandbox.eventDeliveries();
    expect(deliveries.map((delivery) => [delivery.events[0]!["event"], delivery.outcome.status])).toEqual([
      ["processed", 200],
      ["delivered", 200],
    ]);
    const delivered = await reread(notification);
    expect(delivered).toMatchObject({ status: "DELIVERED", providerMessageId: messageId });
    expect(delivered.deliveredAt).toBeInstanceOf(Date);

    const replay = deliveries[1]!;
    const again = await post(
      new Request(URL_PATH, {
        method: "POST",
        headers: { [SENDGRID_SIGNATURE_HEADER]: replay.signature, [SENDGRID_TIMESTAMP_HEADER]: replay.timestamp },
        body: replay.payload,
      }),
    );

    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ applied: 0 });
    expect(await reread(notification)).toEqual(delivered);
  });
});

describe("the Event Webhook", () => {
  let keys: SendgridSigningKeys;
  let shop: string;
  beforeAll(async () => {
    keys = generateSendgridSigningKeys();
    shop = await shopWithKey(keys.publicKey);
  });

  it("fails a bounced email with SendGrid's reason, and a later delivered event does not undo it", async () => {
    const notification = await emailNotification(shop);

    const bounce = await post(
      signedRequest(keys, [
        event(notification, { event: "processed" }),
        event(notification, { event: "bounce", type: "bounce", reason: "550 5.1.1 The email account does not exist" }),
      ]),
    );
    const late = await post(signedRequest(keys, [event(notification, { event: "delivered" })]));

    expect([bounce.status, late.status]).toEqual([200, 200]);
    expect(await reread(notification)).toMatchObject({
      status: "FAILED",
      errorCode: "BOUNCE",
      reason: "Bounced: 550 5.1.1 The email account does not exist",
      deliveredAt: null,
    });
  });

  it("settles an ambiguous send and leaves deferred and open events without effect", async () => {
    const unknown = await emailNotification(shop, { status: "UNKNOWN", providerMessageId: null });
    const deferred = await emailNotification(shop);

    await post(
      signedRequest(keys, [
        event(unknown, { sg_message_id: "xmsg.filter.0" }),
        event(deferred, { event: "deferred" }),
        event(deferred, { event: "open" }),
      ]),
    );

    expect(await reread(unknown)).toMatchObject({ status: "DELIVERED", providerMessageId: "xmsg" });
    expect(await reread(deferred)).toMatchObject({ status: "SENT" });
  });

  it("refuses a forged, tampered, stale or unsigned batch with 403 and changes nothing", async () => {
    const notification = await emailNotification(shop);
    const batch = [event(notification)];
    const payload = JSON.stringify(batch);
    const genuine = signedRequest(keys, batch);
    const tampered = new Request(URL_PATH, {
      method: "POST",
      headers: genuine.headers,
      body: payload.replace("delivered", "bounce"),
    });
    const unsignedHeaders = new Headers(genuine.headers);
    unsignedHeaders.delete(SENDGRID_SIGNATURE_HEADER);

    const answers = await Promise.all([
      post(signedRequest(generateSendgridSigningKeys(), batch)),
      post(tampered),
      post(signedRequest(keys, batch, { at: new Date(Date.now() - 11 * 60_000) })),
      post(signedRequest(keys, batch, { at: new Date(Date.now() + 60 * 60_000) })),
      post(new Request(URL_PATH, { method: "POST", headers: unsignedHeaders, body: payload })),
    ]);

    expect(answers.map((answer) => answer.status)).toEqual([403, 403, 403, 403, 403]);
    expect(await reread(notification)).toEqual(notification);
    expect(await prisma.vendorEventReceipt.count({ where: { eventId: batch[0]!.sg_event_id } })).toBe(0);
  });

  it("answers a signed body that is not a list of events with 400", async () => {
    for (const raw of ["{not json", '{"event":"delivered"}', ""]) {
      expect((await post(signedRequest(keys, null, { raw }))).status, raw).toBe(400);
    }
  });

  it("applies only the events of the shop whose key signed the batch, never another shop's", async () => {
    const otherShop = await shopWithKey(generateSendgridSigningKeys().publicKey);
    const mine = await emailNotification(shop);
    const theirs = await emailNotification(otherShop);

    const answer = await post(
      signedRequest(keys, [
        event(mine),
        event(theirs),
        // A shop's account may put any custom args in its mail: naming another shop's notification gets nowhere.
        event({ id: theirs.id, shop }),
      ]),
    );

    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ applied: 1 });
    expect(await reread(mine)).toMatchObject({ status: "DELIVERED" });
    expect(await reread(theirs)).toEqual(theirs);
  });

  it("records spam reports and group unsubscribes so later emails to that address from this shop are skipped", async () => {
    const { emailOptOutOf } = await import("~/models/notification-email-events.server");
    const reminder = await emailNotification(shop, { status: "DELIVERED", recipient: "grace@example.com" });
    const feedback = await emailNotification(shop, { status: "DELIVERED", recipient: "linus@example.com" });

    await post(
      signedRequest(keys, [
        event(reminder, { event: "group_unsubscribe", asm_group_id: 7 }),
        event(feedback, { event: "spamreport" }),
      ]),
    );

    expect(await reread(reminder)).toMatchObject({
      status: "DELIVERED",
      reason: "The shopper unsubscribed from these emails (reminders or feedback)",
    });
    expect(await emailOptOutOf(prisma, shop, "Grace@Example.com", 7)).toEqual({
      kind: "GROUP_UNSUBSCRIBED",
      asmGroupId: 7,
    });
    expect(await emailOptOutOf(prisma, shop, "grace@example.com", null)).toBeNull();
    expect(await emailOptOutOf(prisma, shop, "linus@example.com", null)).toEqual({ kind: "SPAM_REPORT" });
    expect(await emailOptOutOf(prisma, uniqueShop(), "linus@example.com", null)).toBeNull();

    await post(signedRequest(keys, [event(reminder, { event: "group_resubscribe", asm_group_id: 7 })]));

    expect(await emailOptOutOf(prisma, shop, "grace@example.com", 7)).toBeNull();
  });

  it("acknowledges the app's own account's batches (staff emails) without changing notifications", async () => {
    const { receiveSendGridEvents } =
      await import("~/services/notifications/email-events/receive-sendgrid-events.server");
    const appKeys = generateSendgridSigningKeys();
    const notification = await emailNotification(shop);
    const deps = {
      shopEventKeys: () => Promise.resolve(new Map([[shop, keys.publicKey]])),
      appEventKey: () => Promise.resolve(appKeys.publicKey),
      now: () => new Date(),
    };

    const staff = await receiveSendGridEvents(
      signedRequest(appKeys, [{ ...event(notification), notificationId: undefined, storeTaskId: "task-1" }]),
      deps,
    );
    const forged = await receiveSendGridEvents(signedRequest(appKeys, [event(notification)]), {
      ...deps,
      appEventKey: () => Promise.resolve(null),
    });

    expect([staff.status, forged.status]).toEqual([200, 403]);
    expect(await reread(notification)).toEqual(notification);
  });

  it("is swept with hostile input and never answers a 5xx", async () => {
    const notification = await emailNotification(shop);
    const huge = "é".repeat(40_000);
    const hostileEvents: unknown[] = [
      [],
      [null, 1, "x", [], {}],
      [{ event: "delivered", shop, notificationId: "' OR '1'='1", sg_event_id: "a" }],
      [{ event: "delivered", shop, notificationId: notification.id }],
      [{ event: "delivered", shop, notificationId: notification.id, sg_event_id: huge }],
      [{ event: huge, shop, notificationId: notification.id, sg_event_id: "b" }],
      [{ event: "bounce", shop, notificationId: notification.id, sg_event_id: "c", reason: { nested: true } }],
      [{ event: "group_unsubscribe", shop, notificationId: notification.id, sg_event_id: "d", asm_group_id: "x" }],
      [{ event: "delivered", shop: ["a", "b"], notificationId: notification.id, sg_event_id: "e" }],
      [{ event: "delivered", shop: "__proto__", notificationId: "constructor", sg_event_id: "f" }],
      [{ event: "delivered", shop, notificationId: notification.id, sg_event_id: "g", timestamp: 1e300 }],
      Array.from({ length: 20 }, (_, index) => ({ event: "delivered", shop: `shop-${index}.myshopify.com` })),
      { events: [] },
    ];
    const raws = ["{not json", "", "null", huge, "[" + "[".repeat(10_000), "\u0000", "[]"];
    const requests: Request[] = [
      ...hostileEvents.map((body) => signedRequest(keys, body)),
      ...hostileEvents.map((body) => signedRequest(generateSendgridSigningKeys(), body)),
      ...raws.map((raw) => signedRequest(keys, null, { raw })),
      new Request(URL_PATH, {
        method: "POST",
        headers: { [SENDGRID_SIGNATURE_HEADER]: "x", [SENDGRID_TIMESTAMP_HEADER]: "-1" },
        body: "[]",
      }),
      new Request(URL_PATH, {
        method: "POST",
        headers: { [SENDGRID_SIGNATURE_HEADER]: huge, [SENDGRID_TIMESTAMP_HEADER]: "9".repeat(40) },
        body: "[]",
      }),
      new Request(URL_PATH, {
        method: "POST",
        headers: {
          [SENDGRID_SIGNATURE_HEADER]: "x",
          [SENDGRID_TIMESTAMP_HEADER]: String(Math.floor(Date.now() / 1000)),
        },
        body: Buffer.from([0xff, 0xfe, 0x00]),
      }),
      new Request(URL_PATH, {
        method: "POST",
        headers: {
          [SENDGRID_SIGNATURE_HEADER]: "x",
          [SENDGRID_TIMESTAMP_HEADER]: String(Math.floor(Date.now() / 1000)),
        },
        body: "[" + "1,".repeat(3_000_000) + "1]",
      }),
      new Request(URL_PATH, { method: "PUT", body: "[]" }),
    ];

    const statuses: number[] = [];
    for (const request of requests) statuses.push((await post(request)).status);
    const get = await route.loader();

    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(statuses).toContain(413);
    expect(get.status).toBe(405);
  });
});
