/**
 * `npm run demo`: the whole product on this machine, in a browser. Starts the embedded
 * PostgreSQL (migrated), the local Shopify and vendor emulator with the `chicago` scenario
 * (`-- --scenario national` for the 2,000-store chain), and the app with its workers; then
 * prints one URL: the admin stand-in with the app embedded in it. Once the app is installed and
 * its mirror synced, the shop's past 30 days of orders are routed by the app's engine beside it
 * (dev/demo/history.ts; `-- --no-history` leaves them out, `-- --history-days 1` keeps one day).
 * Ctrl-C stops everything; a second run reuses the data under .data/.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { parseArgs } from "node:util";
import path from "node:path";
import { parseDatabaseEnv } from "../../app/config/environment";
import { resolveDatabase, MIGRATIONS_DIR } from "../../app/db/database-url.server";
import { applyMigrations } from "../../app/db/migrations.server";
import { startCheckoutStandIn } from "../checkout/server";
import { startEmulatorServer, VENDOR_CREDENTIALS } from "../emulator/server";
import { startPosStandIn } from "../pos/server";
import { scenarios } from "../scenarios";
import { DEMO_APP } from "./demo-app";
import { applyDemoMerchantSetup } from "./merchant-setup";

const demoPort = Number(process.env.DEMO_PORT ?? 8787);
const appPort = Number(process.env.DEMO_APP_PORT ?? 3000);
const posPort = Number(process.env.DEMO_POS_PORT ?? 8788);
const checkoutPort = Number(process.env.DEMO_CHECKOUT_PORT ?? 8789);
const dataDir = process.env.DEMO_DATA_DIR ?? ".data";
const { values: options } = parseArgs({
  options: {
    scenario: { type: "string", default: "chicago" },
    "no-history": { type: "boolean", default: false },
    // Fewer days of history than the default 30, for browser tests that need some but not a month.
    "history-days": { type: "string" },
  },
});
if (options.scenario !== "chicago" && options.scenario !== "national") {
  process.stderr.write(`Unknown scenario "${options.scenario}": chicago or national.\n`);
  process.exit(2);
}
const scenarioName: keyof typeof scenarios = options.scenario;

/** `--history-days N` as history.ts takes it (its second argument); none: the scenario's default. */
function historyDaysArgument(days: string | undefined): string[] {
  if (days === undefined) return [];
  if (!/^\d{1,3}$/.test(days) || Number(days) < 1) {
    process.stderr.write(`--history-days takes a number of days from 1 to 999, not "${days}".\n`);
    process.exit(2);
  }
  return [days];
}
// 127.0.0.1 rather than localhost: one address family for Node, Vite and Chromium alike.
const appUrl = `http://127.0.0.1:${appPort}`;
const emulatorUrl = `http://127.0.0.1:${demoPort}`;
// The demo clock ("+1 hour", "+1 day" in the Outbox): the emulator writes it, the app's cadence reads it (ADR 012).
const clockFile = path.resolve(dataDir, "emulator", "clock.json");

async function waitFor(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

async function main(): Promise<void> {
  const settings = parseDatabaseEnv({
    ...process.env,
    EMBEDDED_POSTGRES_DIR: process.env.EMBEDDED_POSTGRES_DIR ?? path.join(dataDir, "postgres"),
  });
  const database = await resolveDatabase(settings);
  await applyMigrations(database.url, MIGRATIONS_DIR);

  // The Store POS stand-in runs the POS extension's own source, bundled now.
  const pos = await startPosStandIn({
    port: posPort,
    appUrl,
    apiKey: DEMO_APP.apiKey,
    apiSecret: DEMO_APP.apiSecret,
    scenario: scenarios[scenarioName](),
    databaseUrl: database.url,
    emulatorUrl,
  });
  // The Checkout stand-in runs the checkout extension's own source, bundled now.
  const checkout = await startCheckoutStandIn({
    port: checkoutPort,
    appUrl,
    apiKey: DEMO_APP.apiKey,
    apiSecret: DEMO_APP.apiSecret,
    scenario: scenarios[scenarioName](),
    emulatorUrl,
  });
  const emulator = await startEmulatorServer({
    port: demoPort,
    publicUrl: emulatorUrl,
    appUrl,
    posUrl: pos.url,
    checkoutUrl: checkout.url,
    apiKey: DEMO_APP.apiKey,
    apiSecret: DEMO_APP.apiSecret,
    scopes: DEMO_APP.scopes,
    scenario: scenarioName,
    stateFile: path.join(dataDir, "emulator", "state.json"),
    clockFile,
  });

  // The production build, served as in production: no dev server compiling on first visit.
  process.stdout.write("Building the app…\n");
  execFileSync(path.resolve("node_modules/.bin/tsx"), ["scripts/build.ts", "--quiet"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    // Development: the environment refuses the emulator and App Bridge stand-in in production.
    NODE_ENV: "development",
    PORT: String(appPort),
    HOST: "127.0.0.1",
    SHOPIFY_API_KEY: DEMO_APP.apiKey,
    SHOPIFY_API_SECRET: DEMO_APP.apiSecret,
    SHOPIFY_APP_URL: appUrl,
    SCOPES: DEMO_APP.scopes,
    DATABASE_URL: database.url,
    SHOPIFY_EMULATOR_URL: emulatorUrl,
    APP_BRIDGE_URL: `${emulatorUrl}/app-bridge.js`,
    RUN_WORKERS_IN_PROCESS: "true",
    // The stores' new-order emails go to the emulator's SendGrid, and show in its outbox.
    SENDGRID_API_KEY: VENDOR_CREDENTIALS.sendgrid.apiKey,
    SENDGRID_API_URL: emulatorUrl,
    ALERTS_FROM_EMAIL: "alerts@omniroute-demo.example",
    // Shops' SMS go to the emulator's Twilio, their credentials sealed with the demo's key.
    TWILIO_API_URL: emulatorUrl,
    // And their push notifications to the emulator's OneSignal stand-in.
    ONESIGNAL_API_URL: emulatorUrl,
    CREDENTIALS_KEY: DEMO_APP.credentialsKey,
    DEMO_CLOCK_FILE: clockFile,
  };
  const app = spawn(process.execPath, ["--import", "tsx", "dev/demo/serve-build.ts"], {
    env: appEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const appLog: string[] = [];
  const keep = (chunk: Buffer) => {
    appLog.push(chunk.toString());
    if (appLog.length > 200) appLog.shift();
    if (process.env.DEMO_VERBOSE) process.stderr.write(chunk);
  };
  app.stdout?.on("data", keep);
  app.stderr?.on("data", keep);

  // Once the app is installed (the first admin page load), the demo's stores get their emails and
  // the shop its messaging accounts.
  const merchantSetup = applyDemoMerchantSetup(database.url, emulator.scenario, {
    credentialsKey: DEMO_APP.credentialsKey,
    twilio: VENDOR_CREDENTIALS.twilio,
    sendgrid: VENDOR_CREDENTIALS.sendgrid,
    push: VENDOR_CREDENTIALS.push,
    async sendgridEventPublicKey() {
      const answer = await fetch(`${emulatorUrl}/v3/user/webhooks/event/settings/signed`, {
        headers: { Authorization: `Bearer ${VENDOR_CREDENTIALS.sendgrid.apiKey}` },
      });
      return answer.ok ? (((await answer.json()) as { public_key?: string }).public_key ?? null) : null;
    },
  });

  // The past 30 days, routed by the app's engine once the app is installed and its mirror synced:
  // beside the app, so the demo's URL does not wait for it.
  const history = options["no-history"]
    ? null
    : spawn(
        process.execPath,
        ["--import", "tsx", "dev/demo/history.ts", scenarioName, ...historyDaysArgument(options["history-days"])],
        {
          env: appEnv,
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
  history?.stdout?.on("data", (chunk: Buffer) => process.stdout.write(chunk));
  history?.stderr?.on("data", (chunk: Buffer) => process.stderr.write(chunk));

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    history?.kill("SIGTERM");
    app.kill("SIGTERM");
    await merchantSetup.stop();
    await pos.close();
    await checkout.close();
    await emulator.close();
    await database.embedded?.stop();
    process.exit(code);
  };
  // Never leave the app running behind, however this process ends.
  process.on("exit", () => {
    history?.kill("SIGTERM");
    app.kill("SIGTERM");
  });
  process.once("SIGINT", () => void stop(0));
  process.once("SIGTERM", () => void stop(0));
  app.once("exit", (code) => {
    if (!stopping) {
      process.stderr.write(`The app stopped (exit ${code}). Its last output:\n${appLog.join("")}\n`);
      void stop(1);
    }
  });

  try {
    await waitFor(`${appUrl}/`, app);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${appLog.join("")}\n`);
    await stop(1);
    return;
  }
  process.stdout.write(
    `\nOmniroute demo: ${emulatorUrl}/\nStore POS: ${pos.url}\nCheckout: ${checkout.url}\n\nCtrl-C stops it; the next run keeps this data (${dataDir}/).\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
