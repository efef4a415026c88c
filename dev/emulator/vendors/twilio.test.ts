import type TwilioRequestClient from "twilio/lib/base/RequestClient";
import { afterEach, describe, expect, it } from "vitest";
import { type EmulatorRequest } from "./http-types";
import { startLoopbackServer, type LoopbackServer } from "./loopback-test-server";
import { TwilioSandbox, type TwilioSandboxOptions } from "./twilio";
import { validateTwilioSignature } from "./twilio-signature";

const ACCOUNT_SID = `AC${"a".repeat(32)}`;
const AUTH_TOKEN = "twilio-test-auth-token";
const API_KEY = { sid: `SK${"b".repeat(32)}`, secret: "api-key-secret" };
const MESSAGES_PATH = `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`;
const STORE_NUMBER = "+15005550006";
const SHOPPER = "+14155550123";

function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
}

function request(overrides: Partial<EmulatorRequest> & { form?: Record<string, string> }): EmulatorRequest {
  const { form, ...rest } = overrides;
  return {
    method: "POST",
    path: MESSAGES_PATH,
    query: new URLSearchParams(),
    headers: {
      authorization: basic(ACCOUNT_SID, AUTH_TOKEN),
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams(form ?? {}).toString(),
    ...rest,
  };
}

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function sandbox(options: Partial<TwilioSandboxOptions> = {}): TwilioSandbox {
  const created = new TwilioSandbox({
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    callbackDelayMs: 1,
    seed: 3,
    ...options,
  });
  cleanup.push(() => created.stop());
  return created;
}

async function receiver(): Promise<LoopbackServer> {
  const server = await startLoopbackServer();
  cleanup.push(() => server.close());
  return server;
}

describe("TwilioSandbox Messages API", () => {
  it("answers 401 with Twilio's Authenticate error when the credentials are missing or wrong", async () => {
    const twilio = sandbox();
    for (const authorization of [undefined, basic(ACCOUNT_SID, "wrong"), basic(API_KEY.sid, "wrong")]) {
      const headers: Record<string, string> = authorization ? { authorization } : {};
      const response = await twilio.handle(request({ headers, form: { To: SHOPPER, From: STORE_NUMBER, Body: "Hi" } }));

      expect(response.status).toBe(401);
      expect(JSON.parse(response.body)).toEqual({
        code: 20003,
        message: "Authenticate",
        more_info: "https://www.twilio.com/docs/errors/20003",
        status: 401,
      });
    }
    expect(twilio.list()).toEqual([]);
  });

  it("accepts an API key SID and secret for the account in the path", async () => {
    const twilio = sandbox({ apiKeys: [API_KEY] });
    const response = await twilio.handle(
      request({
        headers: { authorization: basic(API_KEY.sid, API_KEY.secret) },
        form: { To: SHOPPER, From: STORE_NUMBER, Body: "Hi" },
      }),
    );
    expect(response.status).toBe(201);
  });

  it.each([
    [{ From: STORE_NUMBER, Body: "Hi" }, 21604, "A 'To' phone number is required."],
    [
      { To: "4155550123", From: STORE_NUMBER, Body: "Hi" },
      21211,
      "The 'To' number 4155550123 is not a valid phone number.",
    ],
    [{ To: SHOPPER, Body: "Hi" }, 21603, "A 'From' phone number is required."],
    [{ To: SHOPPER, From: STORE_NUMBER }, 21602, "Message body is required."],
    [
      { To: SHOPPER, From: STORE_NUMBER, Body: "x".repeat(1601) },
      21617,
      "The concatenated message body exceeds the 1600 character limit.",
    ],
  ])("rejects %j with Twilio's error %i", async (form, code, message) => {
    const twilio = sandbox();
    const response = await twilio.handle(request({ form }));

    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toEqual({
      code,
      message,
      more_info: `https://www.twilio.com/docs/errors/${code}`,
      status: 400,
    });
    expect(twilio.list()).toEqual([]);
  });

  it("creates a message and answers 201 with Twilio's Message resource", async () => {
    const twilio = sandbox({ now: () => new Date("2026-11-27T10:15:30Z") });
    const response = await twilio.handle(
      request({ form: { To: SHOPPER, From: STORE_NUMBER, Body: "Your order is ready" } }),
    );

    expect(response.status).toBe(201);
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    const message = JSON.parse(response.body) as Record<string, unknown>;
    const sid = String(message["sid"]);
    expect(sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(message).toEqual({
      account_sid: ACCOUNT_SID,
      api_version: "2010-04-01",
      body: "Your order is ready",
      date_created: "Fri, 27 Nov 2026 10:15:30 +0000",
      date_sent: null,
      date_updated: "Fri, 27 Nov 2026 10:15:30 +0000",
      direction: "outbound-api",
      error_code: null,
      error_message: null,
      from: STORE_NUMBER,
      messaging_service_sid: null,
      num_media: "0",
      num_segments: "1",
      price: null,
      price_unit: "USD",
      sid,
      status: "queued",
      subresource_uris: { media: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${sid}/Media.json` },
      to: SHOPPER,
      uri: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${sid}.json`,
    });
    expect(twilio.outbox()).toEqual([
      expect.objectContaining({
        channel: "sms",
        id: sid,
        to: SHOPPER,
        from: STORE_NUMBER,
        body: "Your order is ready",
      }),
    ]);
  });

  it("answers 'accepted' with no sender when only a messaging service is named", async () => {
    const twilio = sandbox();
    const response = await twilio.handle(
      request({ form: { To: SHOPPER, MessagingServiceSid: `MG${"c".repeat(32)}`, Body: "Hi" } }),
    );

    expect(JSON.parse(response.body)).toMatchObject({ status: "accepted", from: null });
  });

  it("fetches a message by SID, and answers 404 for one it does not have", async () => {
    const twilio = sandbox();
    const created = JSON.parse(
      (await twilio.handle(request({ form: { To: SHOPPER, From: STORE_NUMBER, Body: "Hi" } }))).body,
    ) as { sid: string };
    await twilio.idle();

    const fetched = await twilio.handle(
      request({ method: "GET", body: "", path: MESSAGES_PATH.replace(".json", `/${created.sid}.json`) }),
    );
    const missing = await twilio.handle(
      request({ method: "GET", body: "", path: MESSAGES_PATH.replace(".json", `/SM${"0".repeat(32)}.json`) }),
    );

    expect(fetched.status).toBe(200);
    expect(JSON.parse(fetched.body)).toMatchObject({ sid: created.sid, status: "delivered", price: "-0.00790" });
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body)).toMatchObject({ code: 20404, status: 404 });
  });

  it("posts signed status callbacks, sent then delivered, that verify with the auth token", async () => {
    const app = await receiver();
    const twilio = sandbox();
    const callbackUrl = `${app.url}/twilio/status?shop=north-store`;

    const response = await twilio.handle(
      request({ form: { To: SHOPPER, From: STORE_NUMBER, Body: "Ready", StatusCallback: callbackUrl } }),
    );
    const { sid } = JSON.parse(response.body) as { sid: string };
    await twilio.idle();

    const statuses = app.received.map((callback) => {
      const params = Object.fromEntries(new URLSearchParams(callback.body));
      expect(callback.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
      expect(
        validateTwilioSignature(AUTH_TOKEN, callbackUrl, params, callback.headers["x-twilio-signature"] ?? ""),
      ).toBe(true);
      expect(params).toMatchObject({
        MessageSid: sid,
        SmsSid: sid,
        AccountSid: ACCOUNT_SID,
        To: SHOPPER,
        From: STORE_NUMBER,
        ApiVersion: "2010-04-01",
      });
      return params["MessageStatus"];
    });
    expect(statuses).toEqual(["sent", "delivered"]);
    expect(twilio.callbacks().map((callback) => callback.outcome.status)).toEqual([200, 200]);
  });

  it("ends a message to an unreachable handset undelivered with error 30003", async () => {
    const app = await receiver();
    const twilio = sandbox();
    twilio.markUnreachable(SHOPPER);

    await twilio.handle(request({ form: { To: SHOPPER, From: STORE_NUMBER, Body: "Hi", StatusCallback: app.url } }));
    await twilio.idle();

    expect(app.received.map((callback) => Object.fromEntries(new URLSearchParams(callback.body)))).toEqual([
      expect.objectContaining({ MessageStatus: "sent" }),
      expect.objectContaining({ MessageStatus: "undelivered", ErrorCode: "30003" }),
    ]);
  });

  it("ends a message to a landline undelivered with error 30006, and only to that number", async () => {
    const app = await receiver();
    const twilio = sandbox();
    const landline = "+13125550111";
    twilio.markUndeliverable(landline, 30006);

    const created = await twilio.handle(
      request({ form: { To: landline, From: STORE_NUMBER, Body: "Hi", StatusCallback: app.url } }),
    );
    await twilio.handle(request({ form: { To: SHOPPER, From: STORE_NUMBER, Body: "Hi", StatusCallback: app.url } }));
    await twilio.idle();

    // Twilio takes the message (201): the carrier refuses it later, as the status callback says.
    expect(created.status).toBe(201);
    const finals = app.received
      .map((callback) => Object.fromEntries(new URLSearchParams(callback.body)))
      .filter((params) => params["MessageStatus"] !== "sent");
    expect(finals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ To: landline, MessageStatus: "undelivered", ErrorCode: "30006" }),
        expect.objectContaining({ To: SHOPPER, MessageStatus: "delivered" }),
      ]),
    );
    expect(finals.find((params) => params["To"] === SHOPPER)).not.toHaveProperty("ErrorCode");
    const landlineMessage = twilio.list().find((record) => record.resource.to === landline);
    expect(landlineMessage?.resource).toMatchObject({
      status: "undelivered",
      error_code: 30006,
      error_message: "Landline or unreachable carrier",
    });
  });
});

describe("TwilioSandbox inbound SMS", () => {
  it("posts a signed inbound message to the app's inbound URL", async () => {
    const app = await receiver();
    const inboundUrl = `${app.url}/twilio/inbound`;
    const twilio = sandbox({ inboundUrl });

    const { sid, outcome } = await twilio.simulateInbound({ from: SHOPPER, to: STORE_NUMBER, body: "HELP" });

    expect(outcome.status).toBe(200);
    const [posted] = app.received;
    const params = Object.fromEntries(new URLSearchParams(posted?.body));
    expect(params).toMatchObject({
      From: SHOPPER,
      To: STORE_NUMBER,
      Body: "HELP",
      MessageSid: sid,
      AccountSid: ACCOUNT_SID,
      NumMedia: "0",
      SmsStatus: "received",
      OptOutType: "HELP",
    });
    expect(validateTwilioSignature(AUTH_TOKEN, inboundUrl, params, posted?.headers["x-twilio-signature"] ?? "")).toBe(
      true,
    );
    expect(twilio.inbound()).toHaveLength(1);
  });

  it("refuses to message a shopper who texted STOP (21610) until they text START", async () => {
    const app = await receiver();
    const twilio = sandbox({ inboundUrl: app.url });
    const send = async () =>
      (await twilio.handle(request({ form: { To: SHOPPER, From: STORE_NUMBER, Body: "Ready" } }))).status;

    await twilio.simulateInbound({ from: SHOPPER, to: STORE_NUMBER, body: " stop " });
    const afterStop = await twilio.handle(request({ form: { To: SHOPPER, From: STORE_NUMBER, Body: "Ready" } }));
    await twilio.simulateInbound({ from: SHOPPER, to: STORE_NUMBER, body: "START" });

    expect(afterStop.status).toBe(400);
    expect(JSON.parse(afterStop.body)).toMatchObject({ code: 21610 });
    expect(await send()).toBe(201);
  });
});

describe("TwilioSandbox with the real Twilio SDK", () => {
  it("sends through twilio's client and signs callbacks its validator accepts", async () => {
    const { default: twilioSdk } = await import("twilio");
    const app = await receiver();
    const twilio = sandbox();
    const api = await startLoopbackServer((incoming) => twilio.handle(incoming));
    cleanup.push(() => api.close());

    /** Sends the SDK's requests to the sandbox instead of Twilio, as the app's dev wiring will. */
    class SandboxRequestClient extends twilioSdk.RequestClient {
      override request<TData>(options: TwilioRequestClient.RequestOptions<TData>) {
        const target = new URL(options.uri);
        return super.request<TData>({ ...options, uri: `${api.url}${target.pathname}${target.search}` });
      }
    }
    const client = twilioSdk(ACCOUNT_SID, AUTH_TOKEN, { httpClient: new SandboxRequestClient() });
    const callbackUrl = `${app.url}/twilio/status`;

    const created = await client.messages.create({
      to: SHOPPER,
      from: STORE_NUMBER,
      body: "Ready",
      statusCallback: callbackUrl,
    });
    await twilio.idle();
    const fetched = await client.messages(created.sid).fetch();
    const failure = await client.messages
      .create({ to: "12345", from: STORE_NUMBER, body: "x" })
      .catch((error: unknown) => error);

    expect(created.status).toBe("queued");
    expect(created.numSegments).toBe("1");
    expect(created.dateCreated).toBeInstanceOf(Date);
    expect(fetched.status).toBe("delivered");
    expect(failure).toMatchObject({ status: 400, code: 21211 });
    for (const callback of app.received) {
      const params = Object.fromEntries(new URLSearchParams(callback.body));
      expect(
        twilioSdk.validateRequest(AUTH_TOKEN, callback.headers["x-twilio-signature"] ?? "", callbackUrl, params),
      ).toBe(true);
    }
    expect(app.received).toHaveLength(2);
  });
});
