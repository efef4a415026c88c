import { afterEach, describe, expect, it } from "vitest";
import type { EmulatorRequest, EmulatorResponse } from "../../../dev/emulator/vendors/http-types";
import { startLoopbackServer } from "../../../dev/emulator/vendors/loopback-test-server";
import { SendgridSandbox } from "../../../dev/emulator/vendors/sendgrid";
import { appEventVerificationKey, appSendGridAccountFrom, SENDGRID_NOT_SET_UP } from "./app-sendgrid-account.server";
import { createSendGridMailer, type EmailMessage, type SendGridMailer } from "./sendgrid-mailer.server";

/** The adapter with the real SDK, against the emulator's SendGrid sandbox behind a real socket. */

const API_KEY = "SG.adapter-test.key";

const message: EmailMessage = {
  to: { email: "lincoln-park@windy-city.example" },
  from: { email: "alerts@omniroute.example", name: "Omniroute" },
  subject: "New pickup order #1042 for Lincoln Park",
  text: "2 × Linen Shirt",
  html: "<p>2 × Linen Shirt</p>",
  customArgs: { storeTaskId: "task-1" },
  categories: ["store-task-alert"],
};

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

type Fault = "NONE" | "SERVER_ERROR" | "WITHHOLD";

/** The sandbox on a loopback port; `fault` decides how the next requests are answered. */
async function sendgridApi() {
  const sandbox = new SendgridSandbox({ apiKey: API_KEY, eventDelayMs: 1, seed: 3 });
  const state: { fault: Fault } = { fault: "NONE" };
  const handler = (request: EmulatorRequest): Promise<EmulatorResponse> | EmulatorResponse => {
    if (state.fault === "SERVER_ERROR") {
      return { status: 503, headers: { "content-type": "application/json" }, body: '{"errors":[{"message":"busy"}]}' };
    }
    // SendGrid takes the mail, then the answer is lost on the way back.
    if (state.fault === "WITHHOLD") {
      return sandbox.handle(request).then(() => new Promise<EmulatorResponse>(() => undefined));
    }
    return sandbox.handle(request);
  };
  const server = await startLoopbackServer(handler);
  cleanup.push(
    () => server.close(),
    () => sandbox.stop(),
  );
  return { sandbox, state, url: server.url };
}

function mailerFor(url: string, apiKey = API_KEY, timeoutMs = 2_000): SendGridMailer {
  return createSendGridMailer({ apiKey, baseUrl: url, timeoutMs });
}

describe("the SendGrid adapter", () => {
  it("sends the message and returns SendGrid's X-Message-Id", async () => {
    const api = await sendgridApi();

    const outcome = await mailerFor(api.url).send(message);

    const [mail] = api.sandbox.list();
    expect(outcome).toEqual({ ok: true, messageId: mail!.messageId });
    expect(mail!.request).toMatchObject({
      personalizations: [{ to: [{ email: "lincoln-park@windy-city.example" }] }],
      from: { email: "alerts@omniroute.example", name: "Omniroute" },
      subject: "New pickup order #1042 for Lincoln Park",
      content: [
        { type: "text/plain", value: "2 × Linen Shirt" },
        { type: "text/html", value: "<p>2 × Linen Shirt</p>" },
      ],
      custom_args: { storeTaskId: "task-1" },
      categories: ["store-task-alert"],
    });
  });

  it("returns a 4xx as REJECTED with SendGrid's own words, without throwing", async () => {
    const api = await sendgridApi();

    const badAddress = await mailerFor(api.url).send({ ...message, to: { email: "lincoln-park@nowhere" } });
    const badKey = await mailerFor(api.url, "SG.wrong").send(message);

    expect(badAddress).toEqual({
      ok: false,
      kind: "REJECTED",
      status: 400,
      error: "Does not contain a valid address. (personalizations.0.to.0.email)",
    });
    expect(badKey).toEqual({
      ok: false,
      kind: "REJECTED",
      status: 401,
      error: "The provided authorization grant is invalid, expired, or revoked",
    });
    expect(api.sandbox.list()).toEqual([]);
  });

  it("returns a 5xx as AMBIGUOUS: SendGrid may have taken it", async () => {
    const api = await sendgridApi();
    api.state.fault = "SERVER_ERROR";

    expect(await mailerFor(api.url).send(message)).toEqual({ ok: false, kind: "AMBIGUOUS", error: "busy" });
  });

  it("returns a withheld answer as AMBIGUOUS once it times out, though SendGrid took the mail", async () => {
    const api = await sendgridApi();
    api.state.fault = "WITHHOLD";

    const outcome = await mailerFor(api.url, API_KEY, 300).send(message);

    expect(outcome).toEqual({ ok: false, kind: "AMBIGUOUS", error: "SendGrid did not answer within 0.3 s" });
    expect(api.sandbox.list()).toHaveLength(1);
  });

  it("returns a refused connection as AMBIGUOUS rather than throwing", async () => {
    const api = await sendgridApi();
    const url = api.url;
    await cleanup.shift()!();

    const outcome = await mailerFor(url).send(message);

    expect(outcome).toMatchObject({ ok: false, kind: "AMBIGUOUS" });
    expect(outcome.ok === false && outcome.error).toMatch(/^SendGrid could not be reached: /);
  });
});

describe("the app's SendGrid account", () => {
  it("has no Event Webhook key to check staff emails' events against without an API key", async () => {
    expect(await appEventVerificationKey()).toBeNull();
  });

  it("is unavailable, saying why, without a key", () => {
    expect(appSendGridAccountFrom({})).toEqual({ available: false, reason: SENDGRID_NOT_SET_UP });
    expect(appSendGridAccountFrom({ ALERTS_FROM_EMAIL: "alerts@omniroute.example" }).available).toBe(false);
  });

  it("sends from the configured address, to the configured host", async () => {
    const api = await sendgridApi();
    const account = appSendGridAccountFrom({
      SENDGRID_API_KEY: API_KEY,
      ALERTS_FROM_EMAIL: "alerts@omniroute.example",
      SENDGRID_API_URL: api.url,
    });
    if (!account.available) throw new Error(account.reason);

    expect(account.from).toEqual({ email: "alerts@omniroute.example", name: "Omniroute" });
    expect(await account.mailer.send({ ...message, from: account.from })).toMatchObject({ ok: true });
    expect(api.sandbox.outbox()).toMatchObject([{ to: "lincoln-park@windy-city.example" }]);
  });
});
