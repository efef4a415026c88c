import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLoopbackServer, type LoopbackServer } from "../../../../dev/emulator/vendors/loopback-test-server";
import { SendgridSandbox } from "../../../../dev/emulator/vendors/sendgrid";
import { TEST_APP } from "../../../../tests/support/shopify-app";
import { uniqueShop } from "../../../../tests/support/shops";

/**
 * The app's own SendGrid account (staff alert emails) posts its events to the same webhook as the
 * shops' accounts: they are checked against the key the app asks its account for, and
 * acknowledged, as the demo's sandbox sends them.
 */

const API_KEY = "SG.app-account.key";
let sandbox: SendgridSandbox;
let server: LoopbackServer;

beforeAll(async () => {
  sandbox = new SendgridSandbox({
    apiKey: API_KEY,
    eventDelayMs: 1,
    eventWebhookUrl: `${TEST_APP.appUrl}/webhooks/sendgrid/events`,
    fetch: async (url, init) => {
      const route = await import("~/routes/webhooks.sendgrid.events");
      return route.action({ request: new Request(url, init), params: {}, context: {} });
    },
  });
  server = await startLoopbackServer((request) => sandbox.handle(request));
  // Read when the app's environment is first imported, below.
  process.env.SENDGRID_API_KEY = API_KEY;
  process.env.ALERTS_FROM_EMAIL = "alerts@omniroute.example";
  process.env.SENDGRID_API_URL = server.url;
});

afterAll(async () => {
  sandbox.stop();
  await server.close();
});

describe("events of the app's own SendGrid account", () => {
  it("are verified with the key SendGrid gives the app and acknowledged with 200", async () => {
    const { appSendGridAccount } = await import("~/integrations/sendgrid/app-sendgrid-account.server");
    const account = appSendGridAccount();
    if (!account.available) throw new Error(account.reason);

    const outcome = await account.mailer.send({
      to: { email: "lincoln-park@windy-city.example" },
      from: account.from,
      subject: "New pickup order #1042 for Lincoln Park",
      text: "1 × Linen Shirt",
      html: "<p>1 × Linen Shirt</p>",
      customArgs: { shop: uniqueShop(), storeTaskId: "task-1" },
    });
    await sandbox.idle();

    expect(outcome).toMatchObject({ ok: true });
    expect(sandbox.eventDeliveries().map((delivery) => delivery.outcome.status)).toEqual([200, 200]);
  });
});
