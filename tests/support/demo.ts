import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import type { FrameLocator, Locator, Page } from "playwright-core";
import { freePorts } from "./ports";

/**
 * `npm run demo` as a newcomer runs it, for the browser tests and the web-vitals bench: the
 * demo in its own process group with its own data folder and ports, its one URL, Ctrl-C to stop
 * it; and what a merchant does in the admin stand-in (the app's frame, the shopper panel).
 */
export interface DemoPorts {
  demo: number;
  app: number;
  postgres: number;
  /** The Store POS stand-in. */
  pos: number;
  /** The Checkout stand-in. */
  checkout: number;
}

export interface RunningDemo {
  /** The admin stand-in, e.g. http://127.0.0.1:8787/. */
  url: string;
  /** Where the app itself answers, e.g. http://127.0.0.1:3000. */
  appUrl: string;
  /** The Store POS stand-in, e.g. http://127.0.0.1:8788/. */
  posUrl: string;
  /** The Checkout stand-in, e.g. http://127.0.0.1:8789/. */
  checkoutUrl: string;
  ports: DemoPorts;
  child: ChildProcessWithoutNullStreams;
  output: () => string;
}

export async function freeDemoPorts(): Promise<DemoPorts> {
  const [demo = 0, app = 0, postgres = 0, pos = 0, checkout = 0] = await freePorts(5);
  return { demo, app, postgres, pos, checkout };
}

/** Runs `npm run demo` on a data folder (kept as it is: a second run sees the first run's data). */
export async function startDemo(options: {
  dataDir: string;
  ports: DemoPorts;
  timeoutMs?: number;
  /** After `npm run demo --`, e.g. ["--scenario", "national"]; ["--no-history"] when not given. */
  args?: string[];
  /** Added to the demo's environment, which the app inherits, e.g. { ROUTING_COMPARISON_INLINE_MAX_ORDERS: "0" }. */
  env?: Record<string, string>;
}): Promise<RunningDemo> {
  const { dataDir, ports } = options;
  // Without the 30 days of history unless a test asks for it: the flows the tests drive start from
  // an empty shop, and the history's background routing would only slow them (dev/demo/history.test.ts
  // checks the history itself).
  const args = ["--", ...(options.args ?? ["--no-history"])];
  const child = spawn("npm", ["run", "--silent", "demo", ...args], {
    env: {
      ...process.env,
      DATABASE_URL: "",
      DEMO_DATA_DIR: dataDir,
      DEMO_PORT: String(ports.demo),
      DEMO_APP_PORT: String(ports.app),
      EMBEDDED_POSTGRES_PORT: String(ports.postgres),
      DEMO_POS_PORT: String(ports.pos),
      DEMO_CHECKOUT_PORT: String(ports.checkout),
      DEMO_VERBOSE: "1",
      ...options.env,
    },
    stdio: ["pipe", "pipe", "pipe"],
    // Its own process group, so Ctrl-C can be sent to all of it, as a terminal does.
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo did not start:\n${output}`)), options.timeoutMs ?? 150_000);
    child.stdout.on("data", () => {
      const match = /Omniroute demo: (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`demo exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    appUrl: `http://127.0.0.1:${ports.app}`,
    posUrl: `http://127.0.0.1:${ports.pos}/`,
    checkoutUrl: `http://127.0.0.1:${ports.checkout}/`,
    ports,
    child,
    output: () => output,
  };
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

/**
 * Ctrl-C in the terminal: SIGINT to the whole process group. Resolves once everything is down
 * (SIGKILL after 30 s), saying whether it exited by itself and which of its ports still answered.
 */
export async function pressCtrlC(demo: RunningDemo): Promise<{ exited: boolean; listening: number[] }> {
  const exited = new Promise<boolean>((resolve) => {
    if (demo.child.exitCode !== null || demo.child.signalCode !== null) resolve(true);
    demo.child.once("exit", () => resolve(true));
    setTimeout(() => resolve(false), 30_000);
  });
  signalGroup(demo, "SIGINT");
  const done = await exited;
  const listening = [];
  for (const port of [demo.ports.demo, demo.ports.app, demo.ports.postgres, demo.ports.pos, demo.ports.checkout])
    if (await accepts(port)) listening.push(port);
  if (!done) signalGroup(demo, "SIGKILL");
  return { exited: done, listening };
}

/** The embedded app, inside the admin stand-in. */
export function appFrame(page: Page): FrameLocator {
  return page.frameLocator("#app-frame");
}

export async function expectText(locator: Locator, pattern: RegExp, timeout = 60_000): Promise<void> {
  await locator.filter({ hasText: pattern }).first().waitFor({ timeout });
}

/** Polls `check` every half second until it holds; the error names `what` it was waiting for. */
export async function pollUntil(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still waiting for ${what} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Opens an app page from the admin's nav and waits for its title. The nav asks the app's frame
 * to navigate by message; a frame still finishing its first load (the install's session bounce)
 * can miss it and stay where it was, so the click is repeated every 10 s until the title changes.
 */
export async function openFromNav(admin: Page, label: string, title = new RegExp(`^${label}$`)): Promise<void> {
  let clickedAt = 0;
  await pollUntil(
    async () => {
      if (await admin.locator("#title").filter({ hasText: title }).count()) return true;
      if (Date.now() - clickedAt >= 10_000) {
        await admin.locator("#app-nav a", { hasText: label }).click();
        clickedAt = Date.now();
      }
      return false;
    },
    `the ${label} page from the nav`,
    60_000,
  );
}

/** The store the app routed an order to, as its Orders page names it (one of `stores`). */
export async function routedStore(admin: Page, orderName: string, stores: string[]): Promise<string> {
  let found: string | undefined;
  await pollUntil(async () => {
    await admin.locator("#app-nav a", { hasText: "Orders" }).click();
    const row = appFrame(admin).locator("tr", { hasText: orderName });
    const text = await row
      .first()
      .textContent({ timeout: 5_000 })
      .catch(() => "");
    found = stores.find((store) => text?.includes(store));
    return found !== undefined;
  }, `${orderName} to be routed`);
  return found ?? "";
}

export type PanelDelivery = "Ship to address" | "Pick up in store" | "Same-day delivery";

/** Places an order from the shopper panel with its defaults; returns what the panel says, e.g. "Placed #1001". */
export async function placeOrderFromPanel(page: Page, delivery: PanelDelivery = "Pick up in store"): Promise<string> {
  await page.getByRole("tab", { name: "Place order" }).click();
  await page.getByLabel(delivery).check();
  const result = page.locator("#order-result");
  // The panel says "Placing…" as soon as the form is submitted, so an earlier "Placed" is gone by now.
  await page.getByRole("button", { name: "Place order" }).click();
  await expectText(result, /Placed #\d+/);
  return (await result.textContent()) ?? "";
}

/** The topics of the webhooks the emulator has delivered to the app, oldest first. */
export async function webhookTopics(demoUrl: string): Promise<string[]> {
  const response = await fetch(new URL("/_emulator/webhooks", demoUrl));
  const { deliveries } = (await response.json()) as { deliveries: { topic: string }[] };
  return deliveries.map((delivery) => delivery.topic);
}
