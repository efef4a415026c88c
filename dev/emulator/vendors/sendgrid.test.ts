import crypto from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { type EmulatorRequest } from "./http-types";
import { startLoopbackServer, type LoopbackServer } from "./loopback-test-server";
import { SendgridSandbox, type SendgridSandboxOptions } from "./sendgrid";

const API_KEY = "SG.test-key.secret";
const SHOPPER = "shopper@example.com";

function mailSend(
  body: unknown,
  headers: Record<string, string> = { authorization: `Bearer ${API_KEY}` },
): EmulatorRequest {
  return {
    method: "POST",
    path: "/v3/mail/send",
    query: new URLSearchParams(),
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  };
}

function validMail(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    personalizations: [{ to: [{ email: SHOPPER, name: "Sam" }], custom_args: { order_id: "1001" } }],
    from: { email: "orders@north-store.example", name: "North Store" },
    subject: "Your order is being prepared",
    content: [{ type: "text/plain", value: "We are preparing order #1001 at North Store." }],
    custom_args: { shop: "north-store.myshopify.com" },
    ...overrides,
  };
}

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function sandbox(options: Partial<SendgridSandboxOptions> = {}): SendgridSandbox {
  const created = new SendgridSandbox({ apiKey: API_KEY, eventDelayMs: 1, seed: 5, ...options });
  cleanup.push(() => created.stop());
  return created;
}

async function receiver(): Promise<LoopbackServer> {
  const server = await startLoopbackServer();
  cleanup.push(() => server.close());
  return server;
}

function verifyWithNodeCrypto(publicKey: string, payload: string, signature: string, timestamp: string): boolean {
  const key = crypto.createPublicKey({ key: Buffer.from(publicKey, "base64"), format: "der", type: "spki" });
  return crypto.verify("sha256", Buffer.from(timestamp + payload), key, Buffer.from(signature, "base64"));
}

describe("SendgridSandbox Mail Send", () => {
  it.each([
    ["no Authorization header", {}],
    ["a wrong key", { authorization: "Bearer SG.wrong" }],
    ["the right key as Basic", { authorization: `Basic ${API_KEY}` }],
  ])("answers 401 with SendGrid's error for %s", async (_case, headers) => {
    const sendgrid = sandbox();
    const response = await sendgrid.handle(mailSend(validMail(), headers));

    expect(response.status).toBe(401);
    expect(JSON.parse(response.body)).toEqual({
      errors: [
        { message: "The provided authorization grant is invalid, expired, or revoked", field: null, help: null },
      ],
    });
    expect(sendgrid.list()).toEqual([]);
  });

  it("accepts a valid mail with 202, an empty body and an X-Message-Id", async () => {
    const sendgrid = sandbox({ now: () => new Date("2026-11-27T10:00:00Z") });
    const response = await sendgrid.handle(mailSend(validMail()));

    expect(response.status).toBe(202);
    expect(response.body).toBe("");
    expect(response.headers["x-message-id"]).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(sendgrid.outbox()).toEqual([
      expect.objectContaining({
        channel: "email",
        id: response.headers["x-message-id"],
        to: SHOPPER,
        from: "orders@north-store.example",
        subject: "Your order is being prepared",
        body: "We are preparing order #1001 at North Store.",
        at: new Date("2026-11-27T10:00:00Z"),
      }),
    ]);
  });

  it("accepts a dynamic template without subject or content", async () => {
    const sendgrid = sandbox();
    const response = await sendgrid.handle(
      mailSend(validMail({ subject: undefined, content: undefined, template_id: "d-0123456789abcdef" })),
    );
    expect(response.status).toBe(202);
  });

  it("lists every validation error with SendGrid's message, field and help", async () => {
    const sendgrid = sandbox();
    const response = await sendgrid.handle(mailSend({ personalizations: [{ to: [{ email: "not-an-address" }] }] }));

    expect(response.status).toBe(400);
    const { errors } = JSON.parse(response.body) as { errors: Array<{ message: string; field: string; help: string }> };
    expect(errors.map((error) => error.field)).toEqual([
      "personalizations.0.to.0.email",
      "from.email",
      "subject",
      "content",
    ]);
    expect(errors[0]?.message).toBe("Does not contain a valid address.");
    expect(errors.every((error) => error.help.startsWith("http://sendgrid.com/docs/"))).toBe(true);
  });

  it.each([
    [
      { personalizations: [] },
      "personalizations",
      "The personalizations field is required and must have at least one personalization.",
    ],
    [
      { personalizations: [{ to: [] }] },
      "personalizations.0.to",
      "The to array is required for all personalization objects, and must have at least one email object with a valid email address.",
    ],
    [
      { content: [{ type: "text/plain", value: "" }] },
      "content.0.value",
      "The content value must be a string at least one character in length.",
    ],
  ])("rejects %j", async (overrides, field, message) => {
    const response = await sandbox().handle(mailSend(validMail(overrides)));

    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toEqual({ errors: [expect.objectContaining({ field, message })] });
  });

  it("answers a body that is not JSON with 400, not 500", async () => {
    const response = await sandbox().handle(mailSend("{nope"));
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toEqual({ errors: [{ message: "Bad Request", field: null, help: null }] });
  });

  it("answers sandbox-mode mail with 200 and sends no events, as SendGrid does", async () => {
    const app = await receiver();
    const sendgrid = sandbox({ eventWebhookUrl: app.url });
    const response = await sendgrid.handle(mailSend(validMail({ mail_settings: { sandbox_mode: { enable: true } } })));
    await sendgrid.idle();

    expect(response.status).toBe(200);
    expect(app.received).toEqual([]);
  });

  it("serves the signed-webhook public key to an authenticated caller", async () => {
    const sendgrid = sandbox();
    const response = await sendgrid.handle({
      ...mailSend(""),
      method: "GET",
      path: "/v3/user/webhooks/event/settings/signed",
    });

    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ public_key: sendgrid.publicKey });
  });
});

describe("SendgridSandbox Event Webhook", () => {
  it("posts processed then delivered events, signed so node:crypto verifies them with the public key", async () => {
    const app = await receiver();
    const sendgrid = sandbox({ eventWebhookUrl: `${app.url}/sendgrid/events`, openEvents: true });

    const response = await sendgrid.handle(mailSend(validMail({ categories: ["pickup-ready"] })));
    const messageId = response.headers["x-message-id"] ?? "";
    await sendgrid.idle();

    const batches = app.received.map((posted) => {
      const signature = posted.headers["x-twilio-email-event-webhook-signature"] ?? "";
      const timestamp = posted.headers["x-twilio-email-event-webhook-timestamp"] ?? "";
      expect(posted.url).toBe("/sendgrid/events");
      expect(timestamp).toMatch(/^\d{10}$/);
      expect(verifyWithNodeCrypto(sendgrid.publicKey, posted.body, signature, timestamp)).toBe(true);
      return JSON.parse(posted.body) as Array<Record<string, unknown>>;
    });
    expect(batches.map((batch) => batch.map((event) => event["event"]))).toEqual([
      ["processed"],
      ["delivered"],
      ["open"],
    ]);
    const [processed] = batches[0] ?? [];
    expect(processed).toMatchObject({
      email: SHOPPER,
      event: "processed",
      order_id: "1001",
      shop: "north-store.myshopify.com",
      category: ["pickup-ready"],
      "smtp-id": expect.stringContaining(messageId),
    });
    expect(String(processed?.["sg_message_id"]).startsWith(`${messageId}.`)).toBe(true);
    expect(typeof processed?.["sg_event_id"]).toBe("string");
    expect(typeof processed?.["timestamp"]).toBe("number");
    expect(sendgrid.outbox()[0]?.status).toBe("open");
  });
});

describe("SendgridSandbox with the real SendGrid SDK", () => {
  it("signs its event webhook so SendGrid's own @sendgrid/eventwebhook helper verifies it", async () => {
    const { EventWebhook } = await import("@sendgrid/eventwebhook");
    const app = await receiver();
    const sendgrid = sandbox({ eventWebhookUrl: `${app.url}/sendgrid/events` });
    await sendgrid.handle(mailSend(validMail()));
    await sendgrid.idle();

    const verifier = new EventWebhook();
    const key = verifier.convertPublicKeyToECDSA(sendgrid.publicKey);
    expect(app.received.length).toBeGreaterThan(0);
    for (const posted of app.received) {
      const signature = posted.headers["x-twilio-email-event-webhook-signature"] ?? "";
      const timestamp = posted.headers["x-twilio-email-event-webhook-timestamp"] ?? "";
      expect(verifier.verifySignature(key, posted.body, signature, timestamp)).toBe(true);
      expect(verifier.verifySignature(key, `${posted.body} `, signature, timestamp)).toBe(false);
    }
  });

  it("sends through @sendgrid/mail pointed at the sandbox", async () => {
    const { default: sgClient } = await import("@sendgrid/client");
    const { default: sgMail } = await import("@sendgrid/mail");
    const sendgrid = sandbox();
    const api = await startLoopbackServer((incoming) => sendgrid.handle(incoming));
    cleanup.push(() => api.close());
    // setApiKey resets the base URL, so the sandbox's URL goes in after it.
    sgClient.setApiKey(API_KEY);
    sgClient.setDefaultRequest("baseUrl", api.url);
    sgMail.setClient(sgClient);

    const [response] = await sgMail.send({
      to: SHOPPER,
      from: "orders@north-store.example",
      subject: "Ready for pickup",
      text: "Order #1001 is ready at North Store.",
      customArgs: { order_id: "1001" },
    });
    const failure = await sgMail
      .send({ to: SHOPPER, from: "orders@north-store.example", text: "no subject" })
      .catch((error: unknown) => error);

    expect(response.statusCode).toBe(202);
    expect(response.headers["x-message-id"]).toBe(sendgrid.list()[0]?.messageId);
    expect(sendgrid.outbox()[0]).toMatchObject({ to: SHOPPER, subject: "Ready for pickup" });
    expect(failure).toMatchObject({
      code: 400,
      response: { body: { errors: [expect.objectContaining({ field: "subject" })] } },
    });
  });
});
