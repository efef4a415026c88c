import { afterEach, describe, expect, it } from "vitest";
import type { EmulatorRequest, EmulatorResponse } from "../../../dev/emulator/vendors/http-types";
import { startLoopbackServer } from "../../../dev/emulator/vendors/loopback-test-server";
import { TwilioSandbox } from "../../../dev/emulator/vendors/twilio";
import { twilioSignature } from "../../../dev/emulator/vendors/twilio-signature";
import {
  createTwilioMessaging,
  emptyTwiml,
  replyTwiml,
  validateTwilioSignature,
  type TwilioAccount,
} from "./twilio-messaging.server";

/** The adapter with the real SDK, against the emulator's Twilio sandbox behind a real socket. */

const account: TwilioAccount = {
  accountSid: `AC${"1".repeat(32)}`,
  authToken: "adapter-test-auth-token",
  messagingServiceSid: `MG${"2".repeat(32)}`,
};
const SHOPPER = "+13125550123";

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

type Fault = "NONE" | "SERVER_ERROR" | "WITHHOLD";

async function twilioApi() {
  const inbound = await startLoopbackServer();
  const sandbox = new TwilioSandbox({ ...account, inboundUrl: `${inbound.url}/inbound`, callbackDelayMs: 1, seed: 5 });
  const state: { fault: Fault } = { fault: "NONE" };
  const handler = (request: EmulatorRequest): Promise<EmulatorResponse> => {
    if (state.fault === "SERVER_ERROR") {
      return Promise.resolve({
        status: 503,
        headers: { "content-type": "application/json" },
        body: '{"code":20500,"message":"Internal Server Error","status":503}',
      });
    }
    // Twilio takes the message, then the answer is lost on the way back.
    if (state.fault === "WITHHOLD") {
      return sandbox.handle(request).then(() => new Promise<EmulatorResponse>(() => undefined));
    }
    return sandbox.handle(request);
  };
  const server = await startLoopbackServer(handler);
  cleanup.push(
    () => inbound.close(),
    () => server.close(),
    () => sandbox.stop(),
  );
  return { sandbox, state, url: server.url };
}

describe("the Twilio adapter", () => {
  it("sends through the shop's Messaging Service with a status callback and a validity period", async () => {
    const api = await twilioApi();
    const messaging = createTwilioMessaging({ apiUrl: api.url });

    const outcome = await messaging.sendSms({
      account,
      to: SHOPPER,
      body: "Your order #1042 is ready at Lincoln Park. Reply HELP for help.",
      statusCallbackUrl: "https://omniroute.test/webhooks/twilio/status?nid=abc",
      validityPeriodSeconds: 4 * 3600,
    });

    const [sent] = api.sandbox.list();
    expect(outcome).toEqual({ kind: "SENT", sid: sent!.resource.sid, status: "accepted" });
    expect(sent!.request).toMatchObject({
      To: SHOPPER,
      MessagingServiceSid: account.messagingServiceSid,
      StatusCallback: "https://omniroute.test/webhooks/twilio/status?nid=abc",
      ValidityPeriod: "14400",
    });
  });

  it("returns a STOPped number as REFUSED and opted out (21610), without throwing", async () => {
    const api = await twilioApi();
    await api.sandbox.simulateInbound({ from: SHOPPER, to: "+15005550006", body: "STOP" });

    const outcome = await createTwilioMessaging({ apiUrl: api.url }).sendSms({
      account,
      to: SHOPPER,
      body: "Ready",
      statusCallbackUrl: null,
    });

    expect(outcome).toEqual({
      kind: "REFUSED",
      code: 21610,
      message: "Attempt to send to unsubscribed recipient",
      optedOut: true,
      badNumber: false,
      accountProblem: false,
    });
    expect(api.sandbox.list()).toEqual([]);
  });

  it("returns a bad number and refused credentials as REFUSED, saying which", async () => {
    const api = await twilioApi();
    const messaging = createTwilioMessaging({ apiUrl: api.url });

    const badNumber = await messaging.sendSms({ account, to: "3125550123", body: "Hi", statusCallbackUrl: null });
    const badToken = await messaging.sendSms({
      account: { ...account, authToken: "wrong" },
      to: SHOPPER,
      body: "Hi",
      statusCallbackUrl: null,
    });
    const noSender = await messaging.sendSms({
      account: { ...account, messagingServiceSid: null },
      to: SHOPPER,
      body: "Hi",
      statusCallbackUrl: null,
    });
    const malformedSid = await messaging.sendSms({
      account: { ...account, accountSid: "not-a-sid" },
      to: SHOPPER,
      body: "Hi",
      statusCallbackUrl: null,
    });

    expect(badNumber).toMatchObject({ kind: "REFUSED", code: 21211, badNumber: true, optedOut: false });
    expect(badToken).toMatchObject({ kind: "REFUSED", code: 20003, accountProblem: true });
    expect(noSender).toMatchObject({ kind: "REFUSED", code: null, accountProblem: true });
    expect(malformedSid).toMatchObject({ kind: "REFUSED", code: null });
    expect(api.sandbox.list()).toEqual([]);
  });

  it("returns a 5xx as UNKNOWN: Twilio may have taken it", async () => {
    const api = await twilioApi();
    api.state.fault = "SERVER_ERROR";

    const outcome = await createTwilioMessaging({ apiUrl: api.url }).sendSms({
      account,
      to: SHOPPER,
      body: "Hi",
      statusCallbackUrl: null,
    });

    expect(outcome).toMatchObject({ kind: "UNKNOWN" });
    expect(outcome.kind === "UNKNOWN" && outcome.message).toMatch(/^Twilio answered 503/);
  });

  it("returns a withheld answer as UNKNOWN once it times out, and the reconciliation finds the message", async () => {
    const api = await twilioApi();
    const messaging = createTwilioMessaging({ apiUrl: api.url, timeoutMs: 300 });
    const before = new Date(Date.now() - 1_000);
    api.state.fault = "WITHHOLD";

    const outcome = await messaging.sendSms({ account, to: SHOPPER, body: "Ready", statusCallbackUrl: null });
    api.state.fault = "NONE";
    const recent = await messaging.recentMessagesTo({ account, to: SHOPPER, sentAfter: before });
    const later = await messaging.recentMessagesTo({ account, to: SHOPPER, sentAfter: new Date(Date.now() + 60_000) });

    expect(outcome).toEqual({ kind: "UNKNOWN", message: "Twilio did not answer within 0.3 s" });
    expect(recent).toEqual({
      kind: "OK",
      messages: [expect.objectContaining({ sid: api.sandbox.list()[0]!.resource.sid, to: SHOPPER, body: "Ready" })],
    });
    expect(later).toEqual({ kind: "OK", messages: [] });
  });

  it("returns a refused connection as UNKNOWN rather than throwing", async () => {
    const api = await twilioApi();
    const url = api.url;
    await cleanup.splice(1, 1)[0]!();
    const messaging = createTwilioMessaging({ apiUrl: url });

    const outcome = await messaging.sendSms({ account, to: SHOPPER, body: "Hi", statusCallbackUrl: null });
    const recent = await messaging.recentMessagesTo({ account, to: SHOPPER, sentAfter: new Date(0) });

    expect(outcome).toMatchObject({ kind: "UNKNOWN" });
    expect(outcome.kind === "UNKNOWN" && outcome.message).toMatch(/^Twilio could not be reached: /);
    expect(recent).toMatchObject({ kind: "UNKNOWN" });
  });
});

describe("Twilio's request signature", () => {
  const url = "https://omniroute.test/webhooks/twilio/status?nid=abc";
  const params = { MessageSid: `SM${"3".repeat(32)}`, MessageStatus: "delivered", To: SHOPPER };

  it("accepts what Twilio signed for the public URL, and nothing else", () => {
    const signature = twilioSignature(account.authToken, url, params);

    expect(validateTwilioSignature(account.authToken, signature, url, params)).toBe(true);
    expect(validateTwilioSignature("another-token", signature, url, params)).toBe(false);
    expect(validateTwilioSignature(account.authToken, signature, url.replace("https:", "http:"), params)).toBe(false);
    expect(validateTwilioSignature(account.authToken, signature, url.replace("abc", "abd"), params)).toBe(false);
    expect(validateTwilioSignature(account.authToken, signature, url, { ...params, MessageStatus: "failed" })).toBe(
      false,
    );
    expect(validateTwilioSignature(account.authToken, null, url, params)).toBe(false);
    expect(validateTwilioSignature(account.authToken, "", url, params)).toBe(false);
  });
});

describe("TwiML answers", () => {
  it("escapes the reply's text, and answers nothing with an empty response", () => {
    expect(replyTwiml(`Tom & Jerry's <Shop>: reply "STOP" to opt out`)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Message>Tom &amp; Jerry\'s &lt;Shop&gt;: reply "STOP" to opt out</Message></Response>',
    );
    expect(emptyTwiml()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
  });
});
