import { afterEach, describe, expect, it } from "vitest";
import { startLoopbackServer } from "../../../dev/emulator/vendors/loopback-test-server";
import { SendgridSandbox } from "../../../dev/emulator/vendors/sendgrid";
import { generateSendgridSigningKeys, signSendgridPayload } from "../../../dev/emulator/vendors/sendgrid-signature";
import { CUSTOMER_EMAIL_CATEGORY, sendCustomerEmail, type CustomerEmail } from "./customer-email.server";
import { fetchEventVerificationKey, isSignedWith, SIGNED_EVENTS_OFF } from "./event-webhook.server";

/** The shop's customer email and its Event Webhook key, with the real SDKs, against the emulator's SendGrid sandbox. */

const API_KEY = "SG.shop-account.key";

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function sendgridApi() {
  const sandbox = new SendgridSandbox({ apiKey: API_KEY, eventDelayMs: 1, seed: 5 });
  const server = await startLoopbackServer((request) => sandbox.handle(request));
  cleanup.push(
    () => server.close(),
    () => sandbox.stop(),
  );
  return { sandbox, url: server.url };
}

const email: CustomerEmail = {
  apiKey: API_KEY,
  from: { email: "hello@windy-city.example", name: "Windy City Outfitters" },
  to: "ada@example.com",
  subject: "Your order #1042 is waiting for you at Lincoln Park",
  html: "<p>Hi Ada</p>",
  text: "Hi Ada",
  customArgs: { notificationId: "8f14e45f-ceea-467a-9575-3bd7e1a1b5c2", shop: "windy-city.myshopify.com" },
};

describe("sending a customer email from the shop's account", () => {
  it("lands in the sandbox's outbox with only opaque ids as custom args, in the reminders' group", async () => {
    const api = await sendgridApi();

    const outcome = await sendCustomerEmail({ ...email, asmGroupId: 42 }, { baseUrl: api.url });

    const [mail] = api.sandbox.list();
    expect(outcome).toEqual({ ok: true, messageId: mail!.messageId });
    expect(api.sandbox.outbox()).toMatchObject([
      { channel: "email", to: "ada@example.com", from: "hello@windy-city.example", subject: email.subject },
    ]);
    expect(mail!.request).toMatchObject({
      from: { email: "hello@windy-city.example", name: "Windy City Outfitters" },
      content: [
        { type: "text/plain", value: "Hi Ada" },
        { type: "text/html", value: "<p>Hi Ada</p>" },
      ],
      custom_args: { notificationId: email.customArgs.notificationId, shop: "windy-city.myshopify.com" },
      categories: [CUSTOMER_EMAIL_CATEGORY],
      asm: { group_id: 42 },
    });
    expect(mail!.recipients[0]!.customArgs).toEqual(email.customArgs);
  });

  it("sends a transactional email without a suppression group", async () => {
    const api = await sendgridApi();

    await sendCustomerEmail(email, { baseUrl: api.url });

    expect(api.sandbox.list()[0]!.request).not.toHaveProperty("asm");
  });

  it("returns a refused key as REJECTED with SendGrid's status, without throwing", async () => {
    const api = await sendgridApi();

    const outcome = await sendCustomerEmail({ ...email, apiKey: "SG.revoked" }, { baseUrl: api.url });

    expect(outcome).toEqual({
      ok: false,
      kind: "REJECTED",
      status: 401,
      error: "The provided authorization grant is invalid, expired, or revoked",
    });
  });
});

describe("the Event Webhook's key and signatures", () => {
  it("fetches the account's verification key, which checks the sandbox's signed batches", async () => {
    const api = await sendgridApi();

    const lookup = await fetchEventVerificationKey({ apiKey: API_KEY, baseUrl: api.url });

    expect(lookup).toEqual({ ok: true, publicKey: api.sandbox.publicKey });
  });

  it("says why when the key cannot be had", async () => {
    const api = await sendgridApi();

    expect(await fetchEventVerificationKey({ apiKey: "SG.revoked", baseUrl: api.url })).toEqual({
      ok: false,
      error: "The provided authorization grant is invalid, expired, or revoked",
    });
    expect(SIGNED_EVENTS_OFF).toMatch(/not turned on/);
  });

  it("accepts the exact signed bytes and nothing else: another body, time, key, or garbage", () => {
    const keys = generateSendgridSigningKeys();
    const other = generateSendgridSigningKeys();
    const payload = JSON.stringify([{ event: "delivered", email: "zoë@example.com" }]);
    const signature = signSendgridPayload(keys.privateKey, payload, "1700000000");
    const batch = { rawBody: Buffer.from(payload), signature, timestamp: "1700000000" };

    expect(isSignedWith(keys.publicKey, batch)).toBe(true);
    expect(isSignedWith(keys.publicKey, { ...batch, rawBody: Buffer.from(`${payload} `) })).toBe(false);
    expect(isSignedWith(keys.publicKey, { ...batch, timestamp: "1700000001" })).toBe(false);
    expect(isSignedWith(other.publicKey, batch)).toBe(false);
    expect(isSignedWith(keys.publicKey, { ...batch, signature: "not base64 at all!" })).toBe(false);
    expect(isSignedWith("not a key", batch)).toBe(false);
  });
});
