import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, FrameLocator, Page } from "playwright-core";
import { launchChromium } from "../support/browser";
import { freePort } from "../support/ports";

/**
 * `npm run demo` as a newcomer runs it: a fresh data folder, the demo's one URL opened in
 * Chromium, the app embedded in the admin stand-in, orders placed from the shopper panel.
 */
interface RunningDemo {
  url: string;
  child: ChildProcessWithoutNullStreams;
  output: () => string;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "omniroute-demo-"));
fs.chmodSync(dataDir, 0o755);
let ports: { demo: number; app: number; postgres: number };

async function startDemo(): Promise<RunningDemo> {
  const child = spawn("npm", ["run", "--silent", "demo"], {
    env: {
      ...process.env,
      DATABASE_URL: "",
      DEMO_DATA_DIR: dataDir,
      DEMO_PORT: String(ports.demo),
      DEMO_APP_PORT: String(ports.app),
      EMBEDDED_POSTGRES_PORT: String(ports.postgres),
      DEMO_VERBOSE: "1",
    },
    stdio: ["pipe", "pipe", "pipe"],
    // Its own process group, so Ctrl-C can be sent to all of it, as a terminal does.
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo did not start:\n${output}`)), 150_000);
    child.stdout.on("data", () => {
      const match = /Omniroute demo: (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once("exit", (code) => reject(new Error(`demo exited with ${code}:\n${output}`)));
  });
  return { url, child, output: () => output };
}

async function accepts(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/`).then(
    () => true,
    () => false,
  );
}

function signalGroup(demo: RunningDemo, signal: NodeJS.Signals): void {
  try {
    process.kill(-demo.child.pid!, signal);
  } catch {
    // The group has already exited.
  }
}

/** Ctrl-C in the terminal: SIGINT to the whole process group. Resolves once everything is down. */
async function pressCtrlC(demo: RunningDemo): Promise<{ exited: boolean; listening: number[] }> {
  const exited = new Promise<boolean>((resolve) => {
    if (demo.child.exitCode !== null || demo.child.signalCode !== null) resolve(true);
    demo.child.once("exit", () => resolve(true));
    setTimeout(() => resolve(false), 30_000);
  });
  signalGroup(demo, "SIGINT");
  const done = await exited;
  const listening = [];
  for (const port of [ports.demo, ports.app, ports.postgres]) if (await accepts(port)) listening.push(port);
  if (!done) signalGroup(demo, "SIGKILL");
  return { exited: done, listening };
}

function app(page: Page): FrameLocator {
  return page.frameLocator("#app-frame");
}

async function placePickupOrder(page: Page): Promise<string> {
  await page.getByRole("tab", { name: "Place order" }).click();
  await page.getByLabel("Pick up in store").check();
  await page.getByRole("button", { name: "Place order" }).click();
  await expectText(page.locator("#order-result"), /Placed #\d+/);
  return (await page.locator("#order-result").textContent()) ?? "";
}

async function expectText(locator: ReturnType<Page["locator"]>, pattern: RegExp, timeout = 60_000): Promise<void> {
  await locator.filter({ hasText: pattern }).first().waitFor({ timeout });
}

const SCREENSHOTS = path.join("test-results", "e2e");

/** A page that remembers every console error and uncaught exception, in any of its frames. */
async function watchedPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${message.location().url}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return { page, errors };
}

/**
 * On failure: what the browser showed and what the demo printed, under test-results/e2e, and
 * the end of the demo's output in the error itself (CI shows only the test report).
 */
async function keepEvidence(page: Page, demo: RunningDemo, name: string, error: unknown): Promise<Error> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-failure.png`) }).catch(() => undefined);
  fs.writeFileSync(path.join(SCREENSHOTS, `${name}-output.log`), demo.output());
  const frameText = await app(page)
    .locator("body")
    .innerText({ timeout: 2000 })
    .catch(() => "(no app frame)");
  const message = error instanceof Error ? error.message : String(error);
  return new Error(
    `${message}\n--- the app showed ---\n${frameText.slice(0, 1500)}\n--- demo output (end) ---\n${demo.output().slice(-3000)}`,
  );
}

let chromium: Awaited<ReturnType<typeof launchChromium>>;
let browser: Browser;

beforeAll(async () => {
  ports = { demo: await freePort(), app: await freePort(), postgres: await freePort() };
  chromium = await launchChromium();
  browser = chromium.browser;
});

afterAll(async () => {
  await chromium?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("npm run demo", () => {
  it("embeds the app with a valid session, shows its dashboard, and an order placed in the panel reaches the app", async () => {
    const demo = await startDemo();
    const { page, errors } = await watchedPage();
    try {
      await page.goto(demo.url);
      await expectText(app(page).locator("h2"), /Windy City Outfitters/, 90_000);
      await expectText(app(page).locator("body"), /Active locations\s*13/);
      await expectText(page.locator("#app-nav a"), /Dashboard/);
      await expectText(page.locator("#title"), /Dashboard/);
      await expectText(app(page).locator("body"), /No orders yet/);

      const placed = await placePickupOrder(page);
      expect(placed).toMatch(/Placed #1001/);

      await page.getByRole("tab", { name: "Webhooks" }).click();
      await expectText(page.locator("#webhooks li"), /delivered.*orders\/create/);
      // The merchant opens the dashboard again (App Bridge navigation, a fresh session token).
      await page.locator("#app-nav a", { hasText: "Dashboard" }).click();
      await expectText(app(page).locator("table"), /#1001/);

      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, "demo-dashboard.png") });

      // The order was routed: it is on the Orders page, and its page says why it went where it did.
      await page.locator("#app-nav a", { hasText: "Orders" }).click();
      await expectText(app(page).locator("table"), /#1001/);
      await app(page).getByRole("link", { name: "#1001" }).click();
      await expectText(app(page).locator("body"), /Why it went there/);
      await page.screenshot({ path: path.join(SCREENSHOTS, "demo-order.png") });
      expect(errors).toEqual([]);
    } catch (error) {
      throw await keepEvidence(page, demo, "demo-first-run", error);
    } finally {
      await page.close();
      expect(await pressCtrlC(demo)).toEqual({ exited: true, listening: [] });
    }
  }, 300_000);

  it("keeps its data for the next run", async () => {
    const demo = await startDemo();
    const { page, errors } = await watchedPage();
    try {
      await page.goto(demo.url);
      await expectText(app(page).locator("h2"), /Windy City Outfitters/, 90_000);
      await expectText(app(page).locator("table"), /#1001/);
      expect(await placePickupOrder(page)).toMatch(/Placed #1002/);
      expect(errors).toEqual([]);
    } catch (error) {
      throw await keepEvidence(page, demo, "demo-second-run", error);
    } finally {
      await page.close();
      expect(await pressCtrlC(demo)).toEqual({ exited: true, listening: [] });
    }
  }, 300_000);
});
