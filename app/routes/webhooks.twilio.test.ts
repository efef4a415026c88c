import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FetchFunction } from "../../dev/emulator/vendors/http-types";
import { startLoopbackServer, type LoopbackServer } from "../../dev/emulator/vendors/loopback-test-server";
import { TwilioSandbox } from "../../dev/emulator/vendors/twilio";
import { twilioSignature } from "../../dev/emulator/vendors/twilio-signature";
import { TEST_APP } from "../../tests/support/shopify-app";
import { uniqueShop } from "../../tests/support/shops";

/**
 * Twilio's webhooks (status callbacks and inbound texts) as the emulator's Twilio sandbox posts
 * them, signed for the app's public URL, handled by the routes in this process; sends go through
 * the real SDK to the sandbox behind a socket.
 */

type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<Response>;
interface RouteModule {
  loader?: () => Response;
  action: Handler;
}

const STATUS_PATH = "/webhooks/twilio/status";
const INBOUND_PATH = "/webhooks/twilio/inbound";
const SHOPPER = "+13125550123";
const SHOP_NUMBER = "+13125550000";

const { prisma } = await import("~/db.server");
const { saveShopTwilioAccount } = await import("~/services/notifications/sms/messaging-account.server");
const { sendShopSms } = await import("~/services/notifications/sms/send-sms.server");
const { createTwilioMessaging } = await import("~/integrations/twilio/twilio-messaging.server");
const statusRoute = (await import("./webhooks.twilio.status")) as RouteModule;
const inboundRoute = (await import("./webhooks.twilio.inbound")) as RouteModule;

async function call(route: RouteModule, request: Request): Promise<Response> {
  try {
    return await route.action({ request, params: {}, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** Twilio's posts go to the routes, at the public URL they were signed for. */
const intoRoutes: FetchFunction = (url, init) => {
  const request = new Request(url, { method: init.method, headers: init.headers, body: init.body });
  return call(new URL(url).pathname === STATUS_PATH ? statusRoute : inboundRoute, request);
};

interface ShopUnderTest {
  shop: string;
  accountSid: string;
  authToken: string;
  messagingServiceSid: string;
  sandbox: TwilioSandbox;
  api: LoopbackServer;
}

const closers: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function shopWithTwilio(smsHelpText: string | null = null): Promise<ShopUnderTest> {
  const shop = uniqueShop();
  const accountSid = `AC${crypto.randomBytes(16).toString("hex")}`;
  const authToken = crypto.randomBytes(16).toString("hex");
  const messagingServiceSid = `MG${crypto.randomBytes(16).toString("hex")}`;
  const sandbox = new TwilioSandbox({
    accountSid,
    authToken,
    inboundUrl: `${TEST_APP.appUrl}${INBOUND_PATH}`,
    messagingServiceNumber: SHOP_NUMBER,
    fetch: intoRoutes,
    callbackDelayMs: 1,
    seed: 11,
  });
  const api = await startLoopbackServer((request) => sandbox.handle(request));
  closers.push(
    () => api.close(),
    () => sandbox.stop(),
  );
  await saveShopTwilioAccount(shop, { accountSid, authToken, messagingServiceSid, smsHelpText });
  return { shop, accountSid, authToken, messagingServiceSid, sandbox, api };
}

async function smsNotification(shop: string, status: "SENDING" | "SENT" = "SENDING") {
  return prisma.notification.create({
    data: {
      shop,
      orderId: `gid://shopify/Order/${crypto.randomInt(1, 1e9)}`,
      step: "READY_SMS",
      channel: "SMS",
      recipient: SHOPPER,
      sendAt: new Date(),
      status,
    },
  });
}

const notificationRow = (id: string) => prisma.notification.findUniqueOrThrow({ where: { id } });
const optOutsOf = (shop: string) =>
  prisma.smsOptOut.findMany({ where: { shop }, select: { phone: true, source: true } });

/** A callback as Twilio would post it, signed with `authToken` unless a signature is given. */
function signedPost(path: string, params: Record<string, string>, authToken: string, signature?: string | null) {
  const url = `${TEST_APP.appUrl}${path}`;
  const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded; charset=utf-8" });
  const signed = signature === undefined ? twilioSignature(authToken, url, params) : signature;
  if (signed !== null) headers.set("X-Twilio-Signature", signed);
  return new Request(url, { method: "POST", headers, body: new URLSearchParams(params).toString() });
}

let a: ShopUnderTest;
let b: ShopUnderTest;
beforeAll(async () => {
  a = await shopWithTwilio(
    "Windy City Outfitters: order texts. Reply STOP to opt out. Help: 312 555 0100 & help@windy.example",
  );
  b = await shopWithTwilio();
});

describe("sending a shop's text and following it to delivery", () => {
  it("sends with a SID, and the sandbox's signed callbacks move the notification to DELIVERED", async () => {
    const notification = await smsNotification(a.shop);
    const messaging = createTwilioMessaging({ apiUrl: a.api.url });

    const outcome = await sendShopSms(
      { shop: a.shop, notificationId: notification.id, to: SHOPPER, body: "Your order is ready" },
      { messaging },
    );
    await a.sandbox.idle();

    const [sent] = a.sandbox.list();
    expect(outcome).toEqual({ kind: "SENT", sid: sent!.resource.sid, status: "accepted" });
    expect(sent!.request).toMatchObject({
      MessagingServiceSid: a.messagingServiceSid,
      StatusCallback: `${TEST_APP.appUrl}${STATUS_PATH}?nid=${notification.id}`,
    });
    expect(
      a.sandbox.callbacks().map((callback) => [callback.params["MessageStatus"], callback.outcome.status]),
    ).toEqual([
      ["sent", 204],
      ["delivered", 204],
    ]);
    const row = await notificationRow(notification.id);
    expect(row).toMatchObject({ status: "DELIVERED", providerMessageId: sent!.resource.sid, errorCode: null });
    expect(row.deliveredAt).toBeInstanceOf(Date);
  });

  it("changes nothing when the same callbacks come again, or an earlier status comes late", async () => {
    a.sandbox.clear();
    const notification = await smsNotification(a.shop);
    await sendShopSms(
      { shop: a.shop, notificationId: notification.id, to: SHOPPER, body: "Ready" },
      { messaging: createTwilioMessaging({ apiUrl: a.api.url }) },
    );
    await a.sandbox.idle();
    const delivered = await notificationRow(notification.id);

    for (const callback of a.sandbox.callbacks()) {
      const response = await call(
        statusRoute,
        signedPost(`${STATUS_PATH}?nid=${notification.id}`, callback.params, a.authToken),
      );
      expect(response.status).toBe(204);
    }
    const sentParams = a.sandbox.callbacks()[0]!.params;
    const late = { ...sentParams, MessageStatus: "sending", SmsStatus: "sending" };
    await call(statusRoute, signedPost(`${STATUS_PATH}?nid=${notification.id}`, late, a.authToken));

    expect(await notificationRow(notification.id)).toEqual(delivered);
  });

  it("refuses a forged callback with 403 and changes nothing", async () => {
    const notification = await smsNotification(a.shop, "SENT");
    const params = {
      AccountSid: a.accountSid,
      MessageSid: `SM${"9".repeat(32)}`,
      MessageStatus: "delivered",
      To: SHOPPER,
      From: SHOP_NUMBER,
    };
    const path = `${STATUS_PATH}?nid=${notification.id}`;
    const url = `${TEST_APP.appUrl}${path}`;
    const forgeries = [
      signedPost(path, params, "not-the-token"),
      signedPost(path, params, a.authToken, null),
      signedPost(path, params, a.authToken, twilioSignature(a.authToken, url, { ...params, MessageStatus: "sent" })),
      // Signed for another notification's URL, replayed at this one.
      signedPost(
        path,
        params,
        a.authToken,
        twilioSignature(a.authToken, url.replace(notification.id, crypto.randomUUID()), params),
      ),
      // Signed for the internal http URL instead of the public one.
      signedPost(path, params, a.authToken, twilioSignature(a.authToken, url.replace("https:", "http:"), params)),
      signedPost(path, params, b.authToken),
    ];
    for (const request of forgeries) expect((await call(statusRoute, request)).status).toBe(403);
    expect(await notificationRow(notification.id)).toMatchObject({ status: "SENT", deliveredAt: null });
    expect(
      await prisma.vendorEventReceipt.count({ where: { shop: a.shop, eventId: { startsWith: params.MessageSid } } }),
    ).toBe(0);
  });

  it("fails an undelivered text with Twilio's code and words", async () => {
    a.sandbox.clear();
    a.sandbox.markUnreachable("+13125550199");
    const notification = await smsNotification(a.shop);
    await sendShopSms(
      { shop: a.shop, notificationId: notification.id, to: "+13125550199", body: "Ready" },
      { messaging: createTwilioMessaging({ apiUrl: a.api.url }) },
    );
    await a.sandbox.idle();

    expect(await notificationRow(notification.id)).toMatchObject({
      status: "FAILED",
      errorCode: "30003",
      // A READY_SMS goes by text only: nothing else to fall back to (app/domain/notifications/fallback.ts).
      reason:
        "Undeliverable by text: Unreachable destination handset (30003) — not sent another way: No other channel is chosen for this message",
      deliveredAt: null,
    });
  });

  it("takes a number off the shop's list when a callback says 21610", async () => {
    const notification = await smsNotification(a.shop, "SENT");
    const phone = "+13125550177";
    const params = {
      AccountSid: a.accountSid,
      MessageSid: `SM${"7".repeat(32)}`,
      MessageStatus: "failed",
      To: phone,
      ErrorCode: "21610",
    };

    const response = await call(statusRoute, signedPost(`${STATUS_PATH}?nid=${notification.id}`, params, a.authToken));

    expect(response.status).toBe(204);
    expect(await notificationRow(notification.id)).toMatchObject({ status: "FAILED", errorCode: "21610" });
    expect(await prisma.smsOptOut.findMany({ where: { phone } })).toEqual([
      expect.objectContaining({ shop: a.shop, source: "ERROR_21610" }),
    ]);
  });

  it("answers a signed callback with a malformed field 400, changing nothing", async () => {
    const notification = await smsNotification(a.shop, "SENT");
    const params = { AccountSid: a.accountSid, MessageSid: "SM1", MessageStatus: "delivered", To: SHOPPER };

    const response = await call(statusRoute, signedPost(`${STATUS_PATH}?nid=${notification.id}`, params, a.authToken));

    expect(response.status).toBe(400);
    expect(await notificationRow(notification.id)).toMatchObject({ status: "SENT" });
  });

  it("is refused sending to a number that texted STOP: REFUSED, opted out, and the number is off the list", async () => {
    const phone = "+13125550166";
    await a.sandbox.simulateInbound({ from: phone, to: SHOP_NUMBER, body: "STOP" });
    await prisma.smsOptOut.deleteMany({ where: { shop: a.shop, phone } });
    const notification = await smsNotification(a.shop);

    const outcome = await sendShopSms(
      { shop: a.shop, notificationId: notification.id, to: phone, body: "Ready" },
      { messaging: createTwilioMessaging({ apiUrl: a.api.url }) },
    );

    expect(outcome).toMatchObject({ kind: "REFUSED", code: 21610, optedOut: true });
    expect(await prisma.smsOptOut.findMany({ where: { phone } })).toEqual([
      expect.objectContaining({ shop: a.shop, source: "ERROR_21610" }),
    ]);
  });

  it("gives UNKNOWN when Twilio's answer is withheld, and NO_ACCOUNT for a shop without Twilio", async () => {
    const withheld = await startLoopbackServer((request) =>
      a.sandbox.handle(request).then(() => new Promise<never>(() => undefined)),
    );
    closers.push(() => withheld.close());
    const notification = await smsNotification(a.shop);

    const outcome = await sendShopSms(
      { shop: a.shop, notificationId: notification.id, to: SHOPPER, body: "Ready" },
      { messaging: createTwilioMessaging({ apiUrl: withheld.url, timeoutMs: 300 }) },
    );
    const noAccount = await sendShopSms({
      shop: uniqueShop(),
      notificationId: notification.id,
      to: SHOPPER,
      body: "x",
    });

    expect(outcome).toEqual({ kind: "UNKNOWN", message: "Twilio did not answer within 0.3 s" });
    expect(noAccount).toEqual({ kind: "NO_ACCOUNT" });
  });
});

describe("texts from shoppers: STOP, START and HELP", () => {
  const phone = "+13125550155";

  it("STOP takes the number off that shop's list only; START puts it back; a replayed STOP changes nothing", async () => {
    const stop = await a.sandbox.simulateInbound({ from: phone, to: SHOP_NUMBER, body: "STOP" });
    expect(stop.outcome.status).toBe(200);
    expect(stop.outcome.responseBody).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    expect(await optOutsOf(a.shop)).toContainEqual({ phone, source: "STOP_REPLY" });
    expect(await optOutsOf(b.shop)).toEqual([]);

    await b.sandbox.simulateInbound({ from: phone, to: SHOP_NUMBER, body: "stop" });
    await a.sandbox.simulateInbound({ from: phone, to: SHOP_NUMBER, body: "START" });
    expect(await optOutsOf(a.shop)).not.toContainEqual(expect.objectContaining({ phone }));
    expect(await optOutsOf(b.shop)).toEqual([{ phone, source: "STOP_REPLY" }]);

    const recorded = a.sandbox.callbacks().find((callback) => callback.params["MessageSid"] === stop.sid)!;
    const replay = await call(inboundRoute, signedPost(INBOUND_PATH, recorded.params, a.authToken));
    expect(replay.status).toBe(200);
    expect(await optOutsOf(a.shop)).not.toContainEqual(expect.objectContaining({ phone }));
  });

  it("answers HELP with the shop's help text, escaped, or a default naming the shop", async () => {
    const help = await a.sandbox.simulateInbound({ from: phone, to: SHOP_NUMBER, body: "help" });
    const byDefault = await b.sandbox.simulateInbound({ from: phone, to: SHOP_NUMBER, body: "INFO" });

    expect(help.outcome.status).toBe(200);
    expect(help.outcome.responseBody).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Message>Windy City Outfitters: order texts. Reply STOP to opt out. Help: 312 555 0100 &amp; help@windy.example</Message></Response>',
    );
    expect(byDefault.outcome.responseBody).toContain(
      `<Message>${b.shop.replace(".myshopify.com", "")}: texts about your orders.`,
    );
  });

  it("answers any other text with nothing and changes nothing", async () => {
    const before = await optOutsOf(a.shop);
    const other = await a.sandbox.simulateInbound({ from: phone, to: SHOP_NUMBER, body: "What time do you close?" });

    expect(other.outcome).toMatchObject({
      status: 200,
      responseBody: '<?xml version="1.0" encoding="UTF-8"?><Response/>',
    });
    expect(await optOutsOf(a.shop)).toEqual(before);
  });

  it("refuses an inbound text signed with another token, or for an account no shop uses", async () => {
    const params = {
      AccountSid: a.accountSid,
      MessageSid: `SM${"5".repeat(32)}`,
      From: "+13125550144",
      To: SHOP_NUMBER,
      Body: "STOP",
      OptOutType: "STOP",
    };
    expect((await call(inboundRoute, signedPost(INBOUND_PATH, params, b.authToken))).status).toBe(403);
    expect((await call(inboundRoute, signedPost(INBOUND_PATH, params, a.authToken, null))).status).toBe(403);
    const unknown = { ...params, AccountSid: `AC${"0".repeat(32)}` };
    expect((await call(inboundRoute, signedPost(INBOUND_PATH, unknown, a.authToken))).status).toBe(403);
    expect(await prisma.smsOptOut.count({ where: { phone: params.From } })).toBe(0);
  });
});

describe("both Twilio routes, swept with hostile input", () => {
  const huge = "é".repeat(70_000);

  it("never answer a 5xx", async () => {
    const notification = await smsNotification(a.shop, "SENT");
    const forms: Record<string, string>[] = [
      {},
      { AccountSid: a.accountSid },
      { AccountSid: a.accountSid, MessageSid: `SM${"1".repeat(32)}`, MessageStatus: "exploded", To: SHOPPER },
      { AccountSid: a.accountSid, MessageSid: `SM${"1".repeat(32)}`, From: "not a phone", Body: "STOP" },
      { AccountSid: a.accountSid, MessageSid: `SM${"1".repeat(32)}`, From: SHOPPER, Body: huge.slice(0, 5000) },
      { AccountSid: "AC' OR '1'='1", MessageSid: "x", From: "", Body: "" },
      { AccountSid: a.accountSid, __proto__: "x", constructor: "y", MessageStatus: "delivered" },
      {
        AccountSid: a.accountSid,
        MessageSid: `SM${"1".repeat(32)}`,
        MessageStatus: "failed",
        To: SHOPPER,
        ErrorCode: "99999999999",
      },
    ];
    const paths = [
      `${STATUS_PATH}?nid=${notification.id}`,
      `${STATUS_PATH}?nid=${crypto.randomUUID()}`,
      `${STATUS_PATH}?nid=not-a-uuid`,
      `${STATUS_PATH}?nid=${notification.id}&nid=${crypto.randomUUID()}`,
      STATUS_PATH,
      INBOUND_PATH,
    ];
    const statuses: number[] = [];
    const send = async (path: string, init: RequestInit) => {
      const route = path.startsWith(STATUS_PATH) ? statusRoute : inboundRoute;
      const response = await call(route, new Request(`${TEST_APP.appUrl}${path}`, { method: "POST", ...init }));
      statuses.push(response.status);
    };
    for (const path of paths) {
      for (const form of forms) {
        for (const token of [a.authToken, "forged"]) await send(path, { ...signedPostInit(path, form, token) });
        await send(path, signedPostInit(path, form, a.authToken, null));
      }
      const formType = { "Content-Type": "application/x-www-form-urlencoded" };
      await send(path, { headers: formType, body: huge });
      await send(path, { headers: formType, body: "%%%&&&==" });
      await send(path, { headers: { "Content-Type": "application/json" }, body: '{"AccountSid":1}' });
      await send(path, { headers: { ...formType, "Content-Length": "99999999" }, body: "a=b" });
      await send(path, { body: "" });
    }
    const loaded = [statusRoute.loader?.(), inboundRoute.loader?.()].map((response) => response?.status);

    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(statuses).toEqual(expect.arrayContaining([400, 403, 413]));
    expect(loaded).toEqual([405, 405]);
    expect(await notificationRow(notification.id)).toMatchObject({ status: "SENT" });
  });
});

function signedPostInit(
  path: string,
  params: Record<string, string>,
  authToken: string,
  signature?: string | null,
): RequestInit {
  const request = signedPost(path, params, authToken, signature);
  return { headers: request.headers, body: new URLSearchParams(params).toString() };
}
