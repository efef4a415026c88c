// npm run bench:notifications — the customer message sender (notifications.send-due) at a burst:
// 10,000 ready texts coming due within a minute (over STANDARD_SPREAD_MS), sent by the job's own
// loop through the real Twilio SDK to the emulator's Twilio sandbox running in its own process;
// then faster bursts while the aim holds, for the capacity. Prints throughput, lateness
// (sentAt − max(sendAt, the sending window's opening)) and app CPU per text.
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startLoopbackServer } from "../dev/emulator/vendors/loopback-test-server";
import { TwilioSandbox } from "../dev/emulator/vendors/twilio";
import { TEST_APP } from "../tests/support/shopify-app";
import { loadAverage, setBenchAppEnvironment } from "./app-environment";
import { startBenchDatabase, type BenchDatabase } from "./pipeline-database";
import { formatMs, LatencySamples } from "./pipeline-stats";
import { seedLincolnParkStore } from "../tests/support/pickup-stores";
import { runBench } from "./run-bench";

const MESSAGES = 10_000;
/** The standard burst's messages come due evenly over this long, starting LEAD_MS after they are written. */
const STANDARD_SPREAD_MS = 30_000;
/** Then faster bursts (500, 667, 1,000 and 1,333 a second), while the aim holds: the capacity. */
const FASTER_SPREADS_MS = [20_000, 15_000, 10_000, 7_500];
const LEAD_MS = 3_000;
/** How long after the last one comes due the sender may still be sending. */
const DRAIN_MS = 15_000;
const AIM_PER_SECOND = 200;
const AIM_P95_LATE_MS = 2_000;
const WATCHDOG_MS = 900_000;
const STORE = "1001";
const SANDBOX_FLAG = "--twilio-sandbox";
const ACCOUNT = { accountSid: `AC${"b".repeat(32)}`, authToken: "bench-twilio-auth-token" };

/** The child process: the Twilio sandbox behind a socket; its status callbacks go nowhere. */
async function runSandbox(): Promise<void> {
  const sandbox = new TwilioSandbox({
    ...ACCOUNT,
    messagingServiceNumber: "+13125550000",
    fetch: async () => new Response(null, { status: 204 }),
    callbackDelayMs: 1_000,
  });
  const server = await startLoopbackServer((request) => sandbox.handle(request));
  process.send?.({ url: server.url });
  process.on("message", (message) => {
    if (message === "count") process.send?.({ count: sandbox.list().length });
  });
  process.on("disconnect", () => process.exit(0));
}

function startSandboxProcess(): Promise<{ child: ChildProcess; url: string; count(): Promise<number> }> {
  const child = fork(fileURLToPath(import.meta.url), [SANDBOX_FLAG], { execArgv: ["--import", "tsx"] });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("message", (message: { url: string }) =>
      resolve({
        child,
        url: message.url,
        count: () =>
          new Promise((answer) => {
            child.once("message", (reply: { count: number }) => answer(reply.count));
            child.send("count");
          }),
      }),
    );
  });
}

const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A distinct pickup code per order (codes are unique per store). */
function pickupCodeOf(index: number): string {
  let code = "";
  for (let rest = index, place = 0; place < 6; place++, rest = Math.floor(rest / CODE_ALPHABET.length)) {
    code = CODE_ALPHABET[rest % CODE_ALPHABET.length] + code;
  }
  return code;
}

/** A zone whose wall clock is mid-day now, so the event window (08:00–21:00) is open all through the run. */
async function zoneInsideWindow(now: Date): Promise<string> {
  const { localClock } = await import("~/domain/local-time");
  const zones = [
    "America/Chicago",
    "America/Los_Angeles",
    "Europe/London",
    "Asia/Kolkata",
    "Asia/Tokyo",
    "Pacific/Auckland",
  ];
  return zones.find((zone) => localClock(now, zone).minute >= 9 * 60 && localClock(now, zone).minute < 19 * 60)!;
}

interface StageResult {
  offeredPerSecond: number;
  sentPerSecond: number;
  p95LateMs: number;
  cpuMsPerText: number;
  held: boolean;
}

async function main(): Promise<void> {
  let database: BenchDatabase | undefined;
  let sandbox: Awaited<ReturnType<typeof startSandboxProcess>> | undefined;
  let disconnectPrisma: (() => Promise<void>) | undefined;
  try {
    const setupStartedAt = performance.now();
    database = await startBenchDatabase();
    sandbox = await startSandboxProcess();
    setBenchAppEnvironment(database.url, "http://127.0.0.1:9");
    process.env.TWILIO_API_URL = sandbox.url;
    process.env.CREDENTIALS_KEY = TEST_APP.credentialsKey;

    const { prisma } = await import("~/db.server");
    disconnectPrisma = () => prisma.$disconnect();
    const { saveShopTwilioAccount } = await import("~/services/notifications/sms/messaging-account.server");
    const { defaultSendingDependencies, runNotificationSending } =
      await import("~/services/notifications/send/send-due.server");
    const { nextSendableAt, cadenceStep } = await import("~/domain/notifications");
    const zone = await zoneInsideWindow(new Date());
    const running = sandbox;

    /** One burst: MESSAGES ready texts of a fresh shop coming due evenly over `spreadMs`. */
    async function stage(index: number, spreadMs: number): Promise<StageResult> {
      const shop = `bench-outfitters-${index}.myshopify.com`;
      await saveShopTwilioAccount(shop, { ...ACCOUNT, messagingServiceSid: `MG${"c".repeat(32)}`, smsHelpText: null });
      await seedLincolnParkStore(prisma as never, shop, STORE, zone);
      const orders = Array.from({ length: MESSAGES }, (_, order) => ({
        orderId: String(7_000_000 + order),
        // Distinct valid US numbers: 312-2xx-xxxx.
        phone: `+1312${2_000_000 + order}`,
      }));
      const assignedAt = new Date();
      await prisma.orderContact.createMany({
        data: orders.map((order) => ({ shop, orderId: order.orderId, orderPhone: order.phone })),
      });
      await prisma.storeTask.createMany({
        data: orders.map((order, position) => ({
          shop,
          fulfillmentOrderId: String(9_000_000 + position),
          orderId: order.orderId,
          orderName: `#${10_000 + position}`,
          locationId: STORE,
          kind: "PICKUP" as const,
          state: "READY" as const,
          pickupCode: pickupCodeOf(position),
          assignedAt,
        })),
      });
      const firstDue = Date.now() + LEAD_MS;
      await prisma.notification.createMany({
        data: orders.map((order, position) => ({
          shop,
          orderId: order.orderId,
          step: "READY_SMS",
          channel: "SMS" as const,
          locationId: STORE,
          sendAt: new Date(firstDue + Math.floor((position * spreadMs) / MESSAGES)),
        })),
      });
      await prisma.$executeRaw`ANALYZE`;
      const textsBefore = await running.count();

      const loadAtStart = loadAverage();
      const cpuAtStart = process.cpuUsage();
      const summary = await runNotificationSending(
        { forMs: LEAD_MS + spreadMs + DRAIN_MS, shop },
        { ...defaultSendingDependencies, shopName: async () => "Bench Outfitters" },
      );
      const cpu = process.cpuUsage(cpuAtStart);

      const rows = await prisma.notification.findMany({
        where: { shop },
        select: { status: true, sendAt: true, sentAt: true },
      });
      const sent = rows.filter((row) => row.status === "SENT" || row.status === "DELIVERED");
      const late = new LatencySamples();
      let firstSendAt = Infinity;
      let lastSentAt = 0;
      for (const row of sent) {
        const due = nextSendableAt(row.sendAt, cadenceStep("READY_SMS").kind, zone);
        late.add(Math.max(0, row.sentAt!.getTime() - due.getTime()));
        firstSendAt = Math.min(firstSendAt, row.sendAt.getTime());
        lastSentAt = Math.max(lastSentAt, row.sentAt!.getTime());
      }
      const texts = (await running.count()) - textsBefore;
      const offeredPerSecond = (MESSAGES * 1000) / spreadMs;
      const result: StageResult = {
        offeredPerSecond,
        sentPerSecond: (sent.length * 1000) / Math.max(1, lastSentAt - firstSendAt),
        p95LateMs: late.percentile(0.95),
        cpuMsPerText: (cpu.user + cpu.system) / 1000 / Math.max(1, sent.length),
        held: sent.length === MESSAGES && texts === MESSAGES && late.percentile(0.95) <= AIM_P95_LATE_MS,
      };
      const byStatus = new Map<string, number>();
      for (const row of rows) byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + 1);
      console.log(
        `run at ${offeredPerSecond.toFixed(0)}/s offered: ${[...byStatus].map(([status, count]) => `${status} ${count}`).join(", ")}; ` +
          `sandbox took ${texts} texts; summary ${JSON.stringify(summary)}; lateness p50 ${formatMs(late.percentile(0.5))} / p95 ` +
          `${formatMs(late.percentile(0.95))} / max ${formatMs(late.max())} ms; app CPU ${result.cpuMsPerText.toFixed(2)} ms/text; ` +
          `load average ${loadAtStart.toFixed(2)} → ${loadAverage().toFixed(2)}; ${result.held ? "aim held" : "aim missed"}`,
      );
      return result;
    }

    console.log(
      `setup: postgres, Twilio sandbox process (store zone ${zone}) — ${formatMs(performance.now() - setupStartedAt)} ms`,
    );
    // The standard burst first (its figures are the last line), then faster ones until the aim fails.
    const standard = await stage(0, STANDARD_SPREAD_MS);
    let capacity = standard.held ? standard : null;
    for (const [index, spreadMs] of FASTER_SPREADS_MS.entries()) {
      if (!capacity) break;
      const faster = await stage(index + 1, spreadMs);
      if (!faster.held) break;
      capacity = faster;
    }
    console.log(
      `aim: ≥ ${AIM_PER_SECOND}/s (the ${MESSAGES} come due at ${((MESSAGES * 1000) / STANDARD_SPREAD_MS).toFixed(0)}/s), ` +
        `p95 ≤ ${AIM_P95_LATE_MS} ms late`,
    );
    console.log(
      capacity
        ? `capacity: ${capacity.offeredPerSecond.toFixed(0)} texts/s offered with the aim held ` +
            `(sent ${capacity.sentPerSecond.toFixed(0)}/s, p95 ${capacity.p95LateMs.toFixed(0)} ms late), ` +
            `${capacity.cpuMsPerText.toFixed(2)} ms of app CPU per text`
        : "capacity: the aim did not hold at the standard burst",
    );
    if (!standard.held) process.exitCode = 1;
    console.log(
      `notifications: ${standard.sentPerSecond.toFixed(0)} sent/s, p95 ${standard.p95LateMs.toFixed(0)} ms late`,
    );
  } finally {
    await disconnectPrisma?.().catch((error: unknown) => console.error("disconnecting prisma:", error));
    sandbox?.child.kill();
    await database?.dispose().catch((error: unknown) => console.error("stopping postgres:", error));
  }
}

if (process.argv.includes(SANDBOX_FLAG)) {
  void runSandbox();
} else {
  runBench("notifications", main, WATCHDOG_MS);
}
