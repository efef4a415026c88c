import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLoopbackServer, type LoopbackServer } from "../../../../dev/emulator/vendors/loopback-test-server";
import { TwilioSandbox } from "../../../../dev/emulator/vendors/twilio";
import { eventually } from "../../../../tests/support/jobs";
import { seedPickupTask } from "../../../../tests/support/pickup-tasks";
import { seedLincolnParkStore } from "../../../../tests/support/pickup-stores";
import { uniqueShop } from "../../../../tests/support/shops";
import { stopWorkerProcess } from "../../../../tests/support/worker-process";
import type { SendingDependencies } from "./send-due.server";

/**
 * The sending job killed (SIGKILL) in the middle of a batch, in a real process of its own: the
 * texts it had handed to Twilio are at Twilio, but it dies before hearing back, so every row it
 * took is left SENDING. The reconcile pass finds at Twilio the texts that went (by the number's
 * recent messages) and sends the others once; a second send finds nothing left. Each planned text
 * is in the sandbox's outbox exactly once and every row ends SENT.
 */

const { prisma } = await import("~/db.server");
const { createTwilioMessaging } = await import("~/integrations/twilio/twilio-messaging.server");
const { saveShopTwilioAccount } = await import("~/services/notifications/sms/messaging-account.server");
const sending = await import("./send-due.server");

const REPO_ROOT = fileURLToPath(new URL("../../../..", import.meta.url));
const CHILD = "app/services/notifications/send/sender-crash.child.ts";
const STORE = "1001";
const TEXTS = 40;
/** How long the sandbox sits on each answer while the child runs: long enough to kill it waiting. */
const SLOW_ANSWER_MS = 5_000;
// Noon in Chicago (CST, UTC−6): inside every sending window.
const NOON_CHICAGO = new Date("2026-11-30T18:00:00Z");

let clock = NOON_CHICAGO;
let slowAnswers = true;
const accountSid = `AC${crypto.randomBytes(16).toString("hex")}`;
const authToken = crypto.randomBytes(16).toString("hex");
const sandbox = new TwilioSandbox({
  accountSid,
  authToken,
  messagingServiceNumber: "+13125550000",
  // Status callbacks are not what settles a killed send here: answered and dropped.
  fetch: async () => new Response(null, { status: 204 }),
  callbackDelayMs: 1,
  now: () => clock,
  seed: 3,
});
let api: LoopbackServer;
let child: ChildProcess | undefined;
const shop = uniqueShop();

beforeAll(async () => {
  api = await startLoopbackServer(async (request) => {
    // Twilio takes the text at once; its answer is what is slow.
    const response = await sandbox.handle(request);
    if (request.method === "POST" && slowAnswers) await new Promise((resolve) => setTimeout(resolve, SLOW_ANSWER_MS));
    return response;
  });
});

afterAll(async () => {
  if (child) await stopWorkerProcess(child, "SIGKILL");
  sandbox.stop();
  await api.close();
});

/** A Chicago store, `TEXTS` pickup orders ready there, each shopper with a number of their own, and each ready text due now. */
async function plannedTexts(): Promise<Map<string, string>> {
  await seedLincolnParkStore(prisma, shop, STORE);
  await saveShopTwilioAccount(shop, {
    accountSid,
    authToken,
    messagingServiceSid: `MG${crypto.randomBytes(16).toString("hex")}`,
    smsHelpText: null,
  });
  const phoneOfRow = new Map<string, string>();
  for (let index = 0; index < TEXTS; index++) {
    const orderId = String(9_100_000 + index);
    // 555-0100 to 0199: fictional numbers.
    const phone = `+1312555${String(100 + index).padStart(4, "0")}`;
    await seedPickupTask(prisma as never, shop, { orderId, locationId: STORE, orderName: `#${2000 + index}` });
    await prisma.orderContact.create({ data: { shop, orderId, orderPhone: phone } });
    const row = await prisma.notification.create({
      data: { shop, orderId, step: "READY_SMS", channel: "SMS", locationId: STORE, sendAt: NOON_CHICAGO },
    });
    phoneOfRow.set(row.id, phone);
  }
  return phoneOfRow;
}

/** The sending job as its own process, with this process's environment (its database). */
function startSender(): ChildProcess {
  const started = spawn(process.execPath, ["--import", "tsx", CHILD], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      SENDER_CRASH_SHOP: shop,
      SENDER_CRASH_NOW: clock.toISOString(),
      SENDER_CRASH_TWILIO_URL: api.url,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => (output += chunk.toString());
  started.stdout?.on("data", collect);
  started.stderr?.on("data", collect);
  started.once("exit", (code) => {
    if (code !== null && code !== 0) console.error(`sender exited ${code}:\n${output}`);
  });
  return started;
}

function testDeps(): SendingDependencies {
  const messaging = createTwilioMessaging({ apiUrl: api.url, timeoutMs: 2_000 });
  return {
    messaging: () => messaging,
    emailTransport: () => ({}),
    shopName: async () => "Windy City Outfitters",
    now: () => clock,
  };
}

describe("the sending job killed in the middle of a batch", () => {
  it("leaves every planned text at Twilio exactly once after the reconcile pass and a second send", async () => {
    const phoneOfRow = await plannedTexts();

    child = startSender();
    // The first texts are at Twilio, their answers held back: the child is mid-send.
    await eventually(async () => sandbox.list().length >= sending.SEND_CONCURRENCY, 15_000);
    expect(await stopWorkerProcess(child, "SIGKILL")).toBe("SIGKILL");
    child = undefined;

    const atTwilio = sandbox.list().length;
    expect(atTwilio).toBeGreaterThan(0);
    expect(atTwilio).toBeLessThan(TEXTS);
    const rows = await prisma.notification.findMany({ where: { shop } });
    // The child took the whole batch and recorded no outcome before it died.
    expect(rows.map((row) => row.status)).toEqual(rows.map(() => "SENDING"));

    // Minutes later (rows SENDING this long were left by a stopped worker), with Twilio answering promptly.
    slowAnswers = false;
    clock = new Date(NOON_CHICAGO.getTime() + sending.STUCK_SENDING_AFTER_MS + 1_000);
    const reconciled = await sending.reconcileNotificationsInDoubt({ shop }, testDeps());
    const again = await sending.sendDueNotifications({ shop }, testDeps());

    expect(reconciled).toMatchObject({ reconciled: TEXTS, sent: TEXTS, failed: 0, unknown: 0 });
    expect(again).toMatchObject({ sent: 0, failed: 0, unknown: 0, skipped: 0 });
    const outbox = sandbox.list();
    expect(outbox).toHaveLength(TEXTS);
    const settled = await prisma.notification.findMany({ where: { shop } });
    for (const row of settled) {
      const texts = outbox.filter((record) => record.resource.to === phoneOfRow.get(row.id));
      expect(texts).toHaveLength(1);
      expect(row).toMatchObject({ status: "SENT", providerMessageId: texts[0]!.resource.sid });
    }
  }, 30_000);
});
