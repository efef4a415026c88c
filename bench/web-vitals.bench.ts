// npm run bench:web-vitals — LCP, CLS and INP of every page in the app's nav as a merchant gets
// them, and the serious and critical accessibility violations axe-core finds on each:
// `npm run demo -- --scenario national` (the production build, served as the demo serves it, with
// in-process workers, on a fresh data folder; 2,010 locations and 20,000 SKUs, the mirror written
// by bench/national-shop.ts), the app embedded in the admin stand-in, Debian's Chromium through
// playwright-core. Orders are placed first (through the emulator's API) so the pages have rows.
// WEB_VITALS_SCENARIO=chicago measures the 13-location shop instead. Then, for each page, RUNS times: a cold load (a fresh
// browser context, empty cache) and a warm one (the same context again), each opened through the
// admin stand-in's deep link (/?path=/app/orders, as the admin's /apps/<app>/<path> URLs), and
// measured inside the app's frame; then real input (mouse and keyboard, as Chromium receives a
// user's) on that warm page, timed with Event Timing.
//
// Chromium runs with StrictOriginIsolation, so the app's frame gets its own renderer as the real
// admin's cross-site frame does. Without it the stand-in (127.0.0.1, another port) and the app
// share one: the app would share the stand-in's main thread, and Chromium does not flag layout
// shifts in a same-process child frame as following input (hadRecentInput), so every expanding
// section would count towards CLS.
//
// No CPU or network throttling: the figures are this machine's. Exits non-zero only when the
// bench itself fails; a missed target is reported, not failed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { Browser, Frame, Page } from "playwright-core";
import type { PlaceOrderInput } from "../dev/emulator/shopify/orders";
import { scenarios } from "../dev/scenarios";
import { launchChromium } from "../tests/support/browser";
import { appFrame, expectText, freeDemoPorts, pressCtrlC, startDemo, type RunningDemo } from "../tests/support/demo";
import {
  cumulativeLayoutShift,
  interactionToNextPaint,
  interactions,
  largestContentfulPaint,
  median,
  OBSERVER_SCRIPT,
  phases,
  READ_SCRIPT,
  worstShifts,
  type Interaction,
  type FrameVitals,
} from "./web-vitals-metrics";
import { axeCoreSource, runAxe, type AxeFindings } from "./web-vitals-axe";
import { fillDemoMirror } from "./national-shop";

/** Cold and warm loads of each page; the table shows the median. WEB_VITALS_RUNS overrides. */
const RUNS = Math.max(1, Number(process.env.WEB_VITALS_RUNS ?? 3) || 3);
const SCENARIO: "national" | "chicago" = process.env.WEB_VITALS_SCENARIO === "chicago" ? "chicago" : "national";
/** WEB_VITALS_PAGES="Locations,Routing rules" measures only the pages named (by the table's names), for working on them. */
const ONLY_PAGES = (process.env.WEB_VITALS_PAGES ?? "")
  .split(",")
  .map((name) => name.trim().toLowerCase())
  .filter(Boolean);
const VIEWPORT = { width: 1400, height: 900 };
/** Orders placed before measuring, through the emulator's API. */
const SEED_ORDERS = 12;
/** Waited after a page shows its content, for late LCP candidates and layout shifts. */
const SETTLE_MS = 1500;
/** Waited after an interaction's visible effect, for its Event Timing entries to arrive. */
const AFTER_INTERACTION_MS = 400;
const WATCHDOG_MS = 30 * 60_000;
const CHROMIUM_FEATURES = ["StrictOriginIsolation"];
const TARGETS = { lcp: 1000, cls: 0.05, inp: 100 } as const;

interface LoadFigures {
  ttfb: number | null;
  fcp: number | null;
  lcp: number | null;
  /** From the admin stand-in's own navigation start: what the merchant waits, stand-in included. */
  lcpFromAdmin: number | null;
  lcpElement: string | null;
  cls: number;
  shiftSources: string[];
}

interface StepResult {
  label: string;
  where: "app" | "admin";
  /** The interaction's duration (its longest event); null when every event was under the 16 ms threshold. */
  duration: number | null;
  interaction: Interaction | null;
}

interface RunResult {
  cold: LoadFigures;
  warm: LoadFigures;
  steps: StepResult[];
  /** CLS of the warm page's whole life, interactions included, until it navigated away. */
  lifetimeCls: number;
  lifetimeShiftSources: string[];
}

interface PageResult {
  name: string;
  path: string;
  runs: RunResult[];
  /** Runs that did not finish (a step timed out on a loaded machine): reported, and the bench exits non-zero. */
  failures: string[];
}

interface PageSpec {
  name: string;
  path: string;
  /** Resolves once the page shows its main content. */
  ready(frame: Frame): Promise<void>;
  interact(session: InteractionSession): Promise<void>;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** The app's frame in the admin stand-in, once it has navigated to `pathname`. */
async function appFrameAt(page: Page, appUrl: string, pathname: string, timeoutMs = 60_000): Promise<Frame> {
  const origin = new URL(appUrl).origin;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = page.frames().find((candidate) => {
      try {
        const url = new URL(candidate.url());
        return url.origin === origin && url.pathname === pathname;
      } catch {
        return false;
      }
    });
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error(`the app's frame did not open ${pathname}`);
    await page.waitForTimeout(20);
  }
}

async function readVitals(frame: Frame): Promise<FrameVitals> {
  return (await frame.evaluate(READ_SCRIPT)) as FrameVitals;
}

/** The largest shifts: value, time (and, given `after`, what preceded them), and what moved. */
function describeShifts(vitals: FrameVitals, until = Infinity, after?: (time: number) => string): string[] {
  return worstShifts(vitals.shifts.filter((shift) => shift.startTime < until)).map(
    (shift) =>
      `${shift.value.toFixed(3)} at ${Math.round(shift.startTime)} ms${after ? ` (${after(shift.startTime)})` : ""}: ${shift.sources.join(", ")}`,
  );
}

/** Opens the page through the admin stand-in (a full load of both) and measures the app's frame. */
async function loadPage(
  page: Page,
  demo: RunningDemo,
  spec: PageSpec,
): Promise<{ frame: Frame; figures: LoadFigures }> {
  await page.goto(`${demo.url}?path=${encodeURIComponent(spec.path)}`);
  const frame = await appFrameAt(page, demo.appUrl, spec.path);
  await frame.waitForLoadState("load");
  await spec.ready(frame);
  await page.waitForTimeout(SETTLE_MS);
  const [vitals, admin] = [await readVitals(frame), await readVitals(page.mainFrame())];
  if (vitals.errors.length)
    throw new Error(`performance observers failed in the app's frame: ${vitals.errors.join("; ")}`);
  const lcp = largestContentfulPaint(vitals.lcp);
  return {
    frame,
    figures: {
      ttfb: vitals.ttfb,
      fcp: vitals.fcp,
      lcp: lcp?.startTime ?? null,
      lcpFromAdmin: lcp ? vitals.timeOrigin + lcp.startTime - admin.timeOrigin : null,
      lcpElement: lcp?.element ?? null,
      cls: cumulativeLayoutShift(vitals.shifts),
      shiftSources: describeShifts(vitals),
    },
  };
}

/** Real input on a loaded page, each action preceded by a performance mark naming it. */
class InteractionSession {
  private readonly labels: { label: string; where: "app" | "admin" }[] = [];
  /** The app frame's clock when the page navigated away (its later shifts belong to the next page). */
  private leftAt: number | null = null;

  constructor(
    readonly page: Page,
    readonly frame: Frame,
  ) {}

  async step(
    label: string,
    where: "app" | "admin",
    action: () => Promise<void>,
    settled: () => Promise<void> = async () => undefined,
    options: { navigates?: boolean } = {},
  ): Promise<void> {
    const target = where === "app" ? this.frame : this.page.mainFrame();
    await target.evaluate(`performance.mark(${JSON.stringify(`bench:${this.labels.length}`)})`);
    this.labels.push({ label, where });
    if (options.navigates && this.leftAt === null)
      this.leftAt = (await this.frame.evaluate("performance.now()")) as number;
    await action();
    await settled();
    await this.page.waitForTimeout(AFTER_INTERACTION_MS);
  }

  /** A click on the admin stand-in's menu: the app navigates (App Bridge's shopify:navigate). */
  async adminNav(item: string, title: string): Promise<void> {
    const link = this.page.locator("#app-nav a", { hasText: item });
    await link.waitFor();
    await this.step(
      `click admin menu "${item}"`,
      "admin",
      () => link.click(),
      () => expectText(this.page.locator("#title"), new RegExp(`^${title}$`)),
      { navigates: true },
    );
  }

  /** The keyboard on a focused native select, as a merchant changes it without opening it. */
  async selectWithKeyboard(
    label: string,
    field: ReturnType<Frame["getByLabel"]>,
    key: "ArrowDown" | "ArrowUp",
    settled?: () => Promise<void>,
  ): Promise<void> {
    await field.focus();
    await this.step(label, "app", () => this.page.keyboard.press(key), settled);
  }

  async results(): Promise<{ steps: StepResult[]; lifetimeCls: number; lifetimeShiftSources: string[] }> {
    await this.page.waitForTimeout(500);
    const app = await readVitals(this.frame);
    const admin = await readVitals(this.page.mainFrame());
    const steps: StepResult[] = this.labels.map(({ label, where }) => ({
      label,
      where,
      duration: null,
      interaction: null,
    }));
    for (const [where, vitals] of [
      ["app", app],
      ["admin", admin],
    ] as const) {
      const marks = vitals.marks
        .filter((mark) => mark.name.startsWith("bench:"))
        .map((mark) => ({ index: Number(mark.name.slice("bench:".length)), startTime: mark.startTime }))
        .filter((mark) => steps[mark.index]?.where === where);
      for (const interaction of interactions(vitals.events)) {
        const mark = marks.filter((candidate) => candidate.startTime <= interaction.startTime).at(-1);
        const step = mark ? steps[mark.index] : undefined;
        if (!step) continue;
        if (step.duration === null || interaction.duration > step.duration) {
          step.duration = interaction.duration;
          step.interaction = interaction;
        }
      }
    }
    const until = this.leftAt ?? Infinity;
    const appMarks = app.marks
      .filter((mark) => mark.name.startsWith("bench:"))
      .map((mark) => ({
        label: this.labels[Number(mark.name.slice("bench:".length))]?.label,
        startTime: mark.startTime,
      }));
    const after = (time: number) => {
      const mark = appMarks.filter((candidate) => candidate.startTime <= time).at(-1);
      return mark ? `${Math.round(time - mark.startTime)} ms after starting to ${mark.label}` : "while loading";
    };
    return {
      steps,
      lifetimeCls: cumulativeLayoutShift(app.shifts, until),
      lifetimeShiftSources: describeShifts(app, until, after),
    };
  }
}

const settledAfter = (ms: number, frame: Frame) => () => frame.page().waitForTimeout(ms);

function pages(orderId: string): PageSpec[] {
  return [
    {
      name: "Dashboard",
      path: "/app",
      ready: (frame) => expectText(frame.locator("h2"), /\S/),
      // The dashboard has no controls of its own: the merchant leaves it through the menu.
      interact: (s) => s.adminNav("Orders", "Orders"),
    },
    {
      name: "Orders",
      path: "/app/orders",
      ready: (frame) => expectText(frame.locator("table"), /#1001/),
      async interact(s) {
        const decision = s.frame.getByLabel("Decision", { exact: true });
        await s.selectWithKeyboard('keyboard: filter Decision → "Routed"', decision, "ArrowDown", () =>
          s.frame.waitForFunction("location.search.includes('status=')").then(() => undefined),
        );
        await s.selectWithKeyboard('keyboard: filter Decision → "Any"', decision, "ArrowUp", () =>
          s.frame.waitForFunction("!location.search.includes('status=')").then(() => undefined),
        );
        await s.selectWithKeyboard(
          'keyboard: filter Move → "Moving"',
          s.frame.getByLabel("Move", { exact: true }),
          "ArrowDown",
          () => s.frame.waitForFunction("location.search.includes('moves=')").then(() => undefined),
        );
        await s.selectWithKeyboard(
          'keyboard: filter Move → "Any"',
          s.frame.getByLabel("Move", { exact: true }),
          "ArrowUp",
          () => s.frame.waitForFunction("!location.search.includes('moves=')").then(() => undefined),
        );
        await expectText(s.frame.locator("table"), /#1001/);
        await s.step(
          "click order #1001",
          "app",
          () => s.frame.getByRole("link", { name: "#1001" }).click(),
          () => s.frame.getByText("Why it went there").waitFor(),
          { navigates: true },
        );
      },
    },
    {
      name: "Order #1001",
      path: `/app/orders/${orderId}`,
      ready: (frame) => frame.getByText("Why it went there").waitFor(),
      async interact(s) {
        await s.step(
          "click back to Orders",
          "app",
          () => s.frame.getByRole("link", { name: "Orders" }).click(),
          () => expectText(s.frame.locator("table"), /#1001/),
          { navigates: true },
        );
      },
    },
    {
      name: "Messages",
      path: "/app/messages",
      ready: (frame) => frame.getByRole("columnheader", { name: "Channel" }).waitFor(),
      async interact(s) {
        const channel = s.frame.getByLabel("Channel", { exact: true });
        await s.selectWithKeyboard('keyboard: filter Channel → "SMS"', channel, "ArrowDown", () =>
          s.frame.waitForFunction("location.search.includes('channel=')").then(() => undefined),
        );
        await s.selectWithKeyboard('keyboard: filter Channel → "Any"', channel, "ArrowUp", () =>
          s.frame.waitForFunction("!location.search.includes('channel=')").then(() => undefined),
        );
        await s.adminNav("Dashboard", "Dashboard");
      },
    },
    {
      name: "Notifications",
      path: "/app/notifications",
      ready: (frame) => frame.getByRole("button", { name: "Save notification settings" }).waitFor(),
      async interact(s) {
        await s.selectWithKeyboard(
          "keyboard: preview the next message",
          s.frame.getByLabel("Message", { exact: true }),
          "ArrowDown",
          settledAfter(200, s.frame),
        );
        const offer = s.frame.getByLabel("Feedback offer", { exact: true });
        await s.step("click into the Feedback offer field", "app", () => offer.click());
        await s.step("keyboard: type a letter in Feedback offer", "app", () => s.page.keyboard.press("x"));
        await s.step("keyboard: Backspace in Feedback offer", "app", () => s.page.keyboard.press("Backspace"));
        await s.adminNav("Dashboard", "Dashboard");
      },
    },
    {
      name: "Routing rules",
      path: "/app/settings",
      ready: (frame) => frame.getByRole("button", { name: "Route under draft rules" }).waitFor(),
      async interact(s) {
        const radius = s.frame.getByLabel("Radius", { exact: true });
        await s.step("click into the Radius field", "app", () => radius.click());
        await s.step("keyboard: type a digit in Radius", "app", () => s.page.keyboard.press("0"));
        await s.step("keyboard: Backspace in Radius", "app", () => s.page.keyboard.press("Backspace"));
        const recent = s.frame.getByLabel("Recent order", { exact: true });
        if (await recent.isVisible()) {
          await s.selectWithKeyboard(
            "keyboard: choose the next recent order",
            recent,
            "ArrowDown",
            settledAfter(200, s.frame),
          );
        }
        await s.step(
          'click "Route under draft rules"',
          "app",
          () => s.frame.getByRole("button", { name: "Route under draft rules" }).click(),
          () =>
            s.frame
              .getByText(/^(ROUTED|SPLIT|UNROUTABLE)$/)
              .first()
              .waitFor({ timeout: 30_000 }),
        );
        await s.step(
          'click "A hand-made order"',
          "app",
          () => s.frame.getByText("A hand-made order", { exact: true }).click(),
          () => s.frame.getByLabel("Items", { exact: true }).waitFor(),
        );
        await s.adminNav("Locations", "Locations");
      },
    },
    {
      name: "Locations",
      path: "/app/locations",
      ready: (frame) => frame.getByRole("columnheader", { name: "Opening hours" }).waitFor(),
      async interact(s) {
        const search = s.frame.getByLabel("Search", { exact: true });
        await s.step("click into the Search field", "app", () => search.click());
        await s.step(
          "keyboard: type a letter in Search",
          "app",
          () => s.page.keyboard.press("a"),
          () => s.frame.waitForFunction("location.search.includes('q=')").then(() => undefined),
        );
        await s.step(
          "keyboard: Backspace in Search",
          "app",
          () => s.page.keyboard.press("Backspace"),
          () => s.frame.waitForFunction("!location.search.includes('q=')").then(() => undefined),
        );
        // The first cell of a row is its selection checkbox; selecting shows the bulk actions.
        const firstRowCheckbox = s.frame.locator("tbody tr").first().locator("td").first();
        const bulkPickup = s.frame.getByRole("button", { name: "Set pickup" });
        await s.step(
          "click the first location's checkbox",
          "app",
          () => firstRowCheckbox.click(),
          () => bulkPickup.waitFor(),
        );
        await s.step(
          "click the first location's checkbox again",
          "app",
          () => firstRowCheckbox.click(),
          () => bulkPickup.waitFor({ state: "hidden" }),
        );
        // Opening the editor: the location's own page, in the same frame.
        await s.step(
          "click the first location (open its editor)",
          "app",
          () => s.frame.locator("tbody tr a[data-primary-link]").first().click(),
          () => s.frame.getByRole("button", { name: "Edit hours" }).waitFor(),
        );
        await s.step(
          'click "Edit hours"',
          "app",
          () => s.frame.getByRole("button", { name: "Edit hours" }).click(),
          () => s.frame.getByRole("button", { name: "Hide hours" }).waitFor(),
        );
        await s.step(
          'click "Open on set hours"',
          "app",
          () => s.frame.getByText("Open on set hours", { exact: true }).click(),
          () => s.frame.getByRole("button", { name: "Copy Monday to Tuesday–Friday" }).waitFor(),
        );
        const capacity = s.frame.getByLabel("Orders a day at most", { exact: true });
        await s.step('click into "Orders a day at most"', "app", () => capacity.click());
        await s.step('keyboard: type a digit in "Orders a day at most"', "app", () => s.page.keyboard.press("5"));
        await s.selectWithKeyboard(
          'keyboard: Kind → "Warehouse"',
          s.frame.getByLabel("Kind", { exact: true }),
          "ArrowDown",
        );
        await s.adminNav("Dashboard", "Dashboard");
      },
    },
    {
      name: "Stores",
      path: "/app/stores",
      ready: (frame) => frame.getByText("Today at each store").waitFor(),
      async interact(s) {
        const target = s.frame.getByLabel("Pick-time target", { exact: true });
        await s.step("click into the Pick-time target field", "app", () => target.click());
        await s.step("keyboard: type a digit in Pick-time target", "app", () => s.page.keyboard.press("0"));
        await s.step("keyboard: Backspace in Pick-time target", "app", () => s.page.keyboard.press("Backspace"));
        await s.adminNav("Dashboard", "Dashboard");
      },
    },
    {
      name: "Inventory",
      path: "/app/inventory",
      ready: (frame) => frame.getByRole("columnheader", { name: "Sellable for routing" }).waitFor(),
      async interact(s) {
        const search = s.frame.getByLabel("Search", { exact: true });
        await s.step("click into the Search field", "app", () => search.click());
        await s.step(
          "keyboard: type a letter in Search",
          "app",
          () => s.page.keyboard.press("T"),
          () => s.frame.waitForFunction("location.search.includes('q=')").then(() => undefined),
        );
        await s.step(
          "keyboard: Backspace in Search",
          "app",
          () => s.page.keyboard.press("Backspace"),
          () => s.frame.waitForFunction("!location.search.includes('q=')").then(() => undefined),
        );
        await s.step(
          'click "Below the store minimum"',
          "app",
          () => s.frame.getByText(/^Below the store minimum/).click(),
          () => s.frame.waitForFunction("location.search.includes('below=1')").then(() => undefined),
        );
        await s.adminNav("Dashboard", "Dashboard");
      },
    },
    {
      name: "Analytics",
      path: "/app/analytics",
      // The last 30 days, with the orders placed before measuring.
      ready: (frame) => expectText(frame.locator('[data-analytics-card="orders"]'), /[1-9]/),
      async interact(s) {
        await s.step(
          'click "7 days"',
          "app",
          () => s.frame.getByRole("link", { name: "7 days" }).click(),
          () => s.frame.waitForFunction("location.search.includes('days=7')").then(() => undefined),
        );
        await s.step(
          'click "30 days"',
          "app",
          () => s.frame.getByRole("link", { name: "30 days" }).click(),
          () => s.frame.waitForFunction("location.search.includes('days=30')").then(() => undefined),
        );
        await s.adminNav("Dashboard", "Dashboard");
      },
    },
    {
      name: "ROI",
      path: "/app/roi",
      // The seed's example: $900.00 net a month.
      ready: (frame) => expectText(frame.locator('[data-roi-line="netMonthlySavings"]'), /900/),
      async interact(s) {
        const orders = s.frame.getByLabel("Online orders a month", { exact: true });
        await s.step("click into Online orders a month", "app", () => orders.click());
        // 2000 becomes 20000 wherever the caret is: 6,000 BOPIS orders, $19,800.00 net a month.
        await s.step("keyboard: type a digit in Online orders a month", "app", () => s.page.keyboard.press("0"));
        await s.step(
          'click "Calculate"',
          "app",
          () => s.frame.getByRole("button", { name: "Calculate" }).click(),
          () => expectText(s.frame.locator('[data-roi-line="netMonthlySavings"]'), /19,800/),
        );
        await s.adminNav("Dashboard", "Dashboard");
      },
    },
  ];
}

interface DemoCatalog {
  locations: { id: string; pickupEnabled: boolean }[];
  skus: { sku: string }[];
  addresses: NonNullable<PlaceOrderInput["shippingAddress"]>[];
}

/** The demo's embedded PostgreSQL (app/db/embedded-postgres.server.ts), its database `omniroute`. */
const demoDatabaseUrl = (demo: RunningDemo) =>
  `postgres://postgres:omniroute-local@127.0.0.1:${demo.ports.postgres}/omniroute`;

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/**
 * Installs the app (the first admin page load), fills the national mirror, places SEED_ORDERS
 * orders and waits until the app has routed them all; returns #1001's id.
 */
async function seedOrders(browser: Browser, demo: RunningDemo): Promise<string> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    await page.goto(demo.url);
    await expectText(appFrame(page).locator("h2"), /\S/, 300_000);
    if (SCENARIO === "national") {
      const { levels } = await fillDemoMirror(demoDatabaseUrl(demo), scenarios.national(), {
        timeoutMs: 900_000,
        log: (message) => log(`web-vitals: ${message}`),
      });
      log(`web-vitals: the national mirror holds ${levels} stock levels`);
    }

    const { shop } = await getJson<{ shop: string }>(new URL("/_emulator/demo-config", demo.url).href);
    const shopUrl = new URL(`/_emulator/shops/${encodeURIComponent(shop)}/`, demo.url).href;
    const catalog = await getJson<DemoCatalog>(`${shopUrl}catalog`);
    const pickups = catalog.locations.filter((location) => location.pickupEnabled);
    const methods = ["SHIPPING", "PICK_UP", "LOCAL_DELIVERY"] as const;
    for (let index = 0; index < SEED_ORDERS; index++) {
      const deliveryMethod = methods[index % methods.length]!;
      const lines = [{ sku: catalog.skus[(index * 5) % catalog.skus.length]!.sku, quantity: 1 + (index % 2) }];
      if (index % 4 === 3) lines.push({ sku: catalog.skus[(index * 7 + 3) % catalog.skus.length]!.sku, quantity: 1 });
      const order: PlaceOrderInput = {
        deliveryMethod,
        lines,
        ...(deliveryMethod === "PICK_UP"
          ? { pickupLocationId: pickups[index % pickups.length]!.id, shippingLineTitle: "Pickup in store" }
          : {
              shippingAddress: catalog.addresses[index % catalog.addresses.length]!,
              shippingLineTitle: deliveryMethod === "LOCAL_DELIVERY" ? "Same day" : index % 2 ? "Express" : "Standard",
            }),
        customer: { email: "shopper@example.com", phone: "+13125550123", firstName: "Bench", lastName: "Shopper" },
      };
      const response = await fetch(`${shopUrl}orders`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(order),
      });
      if (!response.ok) throw new Error(`placing order ${index + 1}: HTTP ${response.status} ${await response.text()}`);
    }

    // The Orders page refreshes itself: wait there until the last order is listed (routed).
    const last = `#${1000 + SEED_ORDERS}`;
    await page.locator("#app-nav a", { hasText: "Orders" }).click();
    await expectText(appFrame(page).locator("table"), new RegExp(last), 180_000);
    const href = await appFrame(page).getByRole("link", { name: "#1001" }).getAttribute("href");
    const orderId = /\/app\/orders\/(\d+)/.exec(href ?? "")?.[1];
    if (!orderId) throw new Error(`no order page link for #1001 (href ${href})`);
    return orderId;
  } finally {
    await page.close();
  }
}

/** One untimed load of each page, so the server side is warm (as in service) before measuring. */
async function warmUpServer(browser: Browser, demo: RunningDemo, specs: PageSpec[]): Promise<void> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ content: OBSERVER_SCRIPT });
  const page = await context.newPage();
  for (const spec of specs) await loadPage(page, demo, spec);
  await context.close();
}

async function measurePage(
  browser: Browser,
  demo: RunningDemo,
  spec: PageSpec,
  consoleErrors: string[],
): Promise<PageResult> {
  const result: PageResult = { name: spec.name, path: spec.path, runs: [], failures: [] };
  for (let run = 1; run <= RUNS; run++) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript({ content: OBSERVER_SCRIPT });
    const page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(`${spec.name}: ${message.text()}`);
    });
    page.on("pageerror", (error) => consoleErrors.push(`${spec.name}: ${error.message}`));
    try {
      const cold = (await loadPage(page, demo, spec)).figures;
      const warm = await loadPage(page, demo, spec);
      const session = new InteractionSession(page, warm.frame);
      await spec.interact(session);
      result.runs.push({ cold, warm: warm.figures, ...(await session.results()) });
    } catch (error) {
      // The other runs and pages are still measured: one timeout does not cost the whole report.
      const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
      log(`web-vitals: ${spec.name}, run ${run}, did not finish: ${message}`);
      result.failures.push(`run ${run}: ${message}`);
    } finally {
      await context.close();
    }
  }
  return result;
}

/** What the pages show: the shop's locations, SKUs and stock levels in the demo's database. */
async function describeScale(demo: RunningDemo): Promise<string> {
  const client = new pg.Client({ connectionString: demoDatabaseUrl(demo) });
  await client.connect();
  try {
    const { rows } = await client.query<{ locations: string; skus: string; levels: string; orders: string }>(
      `SELECT (SELECT count(*) FROM "LocationProfile") AS locations,
              (SELECT count(*) FROM "VariantInventoryItem") AS skus,
              (SELECT count(*) FROM "InventoryLevel") AS levels,
              (SELECT count(*) FROM "RoutingDecision") AS orders`,
    );
    const row = rows[0]!;
    const figure = (value: string) => Number(value).toLocaleString("en-US");
    return (
      `the ${SCENARIO} shop: ${figure(row.locations)} locations, ${figure(row.skus)} SKUs, ` +
      `${figure(row.levels)} stock levels, ${figure(row.orders)} routing decisions`
    );
  } finally {
    await client.end();
  }
}

/** Each page loaded once more, settled, and axe-core run over the app's frame. */
async function auditPages(
  browser: Browser,
  demo: RunningDemo,
  specs: PageSpec[],
  axeSource: string,
): Promise<Map<string, AxeFindings>> {
  const findings = new Map<string, AxeFindings>();
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ content: OBSERVER_SCRIPT });
  const page = await context.newPage();
  try {
    for (const spec of specs) {
      log(`web-vitals: axe-core on ${spec.name} (${spec.path})…`);
      try {
        const { frame } = await loadPage(page, demo, spec);
        findings.set(spec.name, await runAxe(frame, axeSource));
      } catch (error) {
        log(`web-vitals: axe-core on ${spec.name} did not finish: ${error instanceof Error ? error.message : error}`);
      }
    }
  } finally {
    await context.close();
  }
  return findings;
}

/** Whether the app's frame runs in a renderer of its own (an out-of-process iframe), as in the real admin. */
async function appFrameOutOfProcess(browser: Browser, demo: RunningDemo): Promise<boolean> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(demo.url);
    await appFrameAt(page, demo.appUrl, "/app");
    const cdp = await browser.newBrowserCDPSession();
    const { targetInfos } = await cdp.send("Target.getTargets");
    await cdp.detach();
    return targetInfos.some((target) => target.type === "iframe" && target.url.startsWith(demo.appUrl));
  } finally {
    await context.close();
  }
}

// --- the report ---

function describeAudits(results: PageResult[], audits: Map<string, AxeFindings>): string[] {
  const lines = [
    `"axe": elements in serious or critical accessibility violations axe-core found on the settled page (WCAG 2.2 A/AA and best practices):`,
  ];
  for (const result of results) {
    const findings = audits.get(result.name);
    if (!findings) continue;
    const serious = findings.violations;
    lines.push(
      `  ${result.name}: ${serious.length === 0 ? "none" : `${serious.length} rule${serious.length > 1 ? "s" : ""}`}` +
        (findings.lesser ? ` (and ${findings.lesser} moderate or minor)` : ""),
    );
    for (const violation of serious)
      lines.push(
        `    ${violation.impact} ${violation.rule} × ${violation.elements}: ${violation.help} — ${violation.examples.join(" | ").slice(0, 160)}`,
      );
  }
  return lines;
}

const ms = (value: number | null) => (value === null ? "—" : String(Math.round(value)));
const medianOf = (values: (number | null)[]) => {
  const known = values.filter((value): value is number => value !== null);
  return known.length ? median(known) : null;
};
const maxOf = (values: (number | null)[]) => {
  const known = values.filter((value): value is number => value !== null);
  return known.length ? Math.max(...known) : null;
};
const verdict = (ok: boolean) => (ok ? "ok" : "MISSED");

function table(rows: string[][], align: ("l" | "r")[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (align[column] === "r" ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

interface Figure {
  /** Median of the runs. */
  median: number | null;
  max: number | null;
}

function figure(values: (number | null)[]): Figure {
  return { median: medianOf(values), max: maxOf(values) };
}

/** A run's INP: its worst interaction (0 when none reached the 16 ms threshold). */
function runInp(run: RunResult): number | null {
  if (!run.steps.length) return null;
  return interactionToNextPaint(run.steps.flatMap((step) => (step.duration === null ? [] : [step.duration]))) ?? 0;
}

function pageFigures(result: PageResult): { lcp: Figure; cls: Figure; inp: Figure } {
  const cold = figure(result.runs.map((run) => run.cold.lcp));
  const warm = figure(result.runs.map((run) => run.warm.lcp));
  return {
    lcp: { median: maxOf([cold.median, warm.median]), max: maxOf([cold.max, warm.max]) },
    cls: figure(result.runs.map((run) => Math.max(run.cold.cls, run.warm.cls, run.lifetimeCls))),
    inp: figure(result.runs.map(runInp)),
  };
}

const inpMs = (value: number | null) => (value === 0 ? "<16" : ms(value));
const withMax = (value: Figure, format: (value: number | null) => string) =>
  RUNS > 1 ? `${format(value.median)} (${format(value.max)})` : format(value.median);

function report(
  results: PageResult[],
  chromiumVersion: string,
  outOfProcess: boolean,
  consoleErrors: string[],
  audits: Map<string, AxeFindings>,
  scale: string,
): void {
  const out: string[] = [];
  out.push(
    `Web vitals of the embedded app: production build served as \`npm run demo -- --scenario ${SCENARIO}\` serves it (in-process workers), in the admin stand-in;`,
    `${scale};`,
    `Chromium ${chromiumVersion} headless, viewport ${VIEWPORT.width}×${VIEWPORT.height}, the app's frame ${outOfProcess ? "in a renderer of its own (as in the real admin)" : "IN THE STAND-IN'S RENDERER (StrictOriginIsolation did not take: CLS counts shifts after input)"};`,
    `this ${os.cpus().length}-core machine, no CPU or network throttling; ${SEED_ORDERS} orders placed first; ${RUNS} run${RUNS > 1 ? "s" : ""} per page, median${RUNS > 1 ? " (max in brackets)" : ""}.`,
    "",
    `Loads, measured in the app's frame, times from the frame's navigation start. cold: a fresh browser context (empty cache);`,
    `warm: the same page opened again in that context. "admin→LCP": from the admin stand-in's own navigation start.`,
  );
  const loadRows = [["page", "load", "TTFB ms", "FCP ms", "LCP ms", "admin→LCP ms", "CLS", "LCP element (last run)"]];
  for (const result of results) {
    for (const kind of ["cold", "warm"] as const) {
      const loads = result.runs.map((run) => run[kind]);
      const cell = (pick: (load: LoadFigures) => number | null) => withMax(figure(loads.map(pick)), ms);
      loadRows.push([
        kind === "cold" ? `${result.name} ${result.path}` : "",
        kind,
        cell((load) => load.ttfb),
        cell((load) => load.fcp),
        cell((load) => load.lcp),
        cell((load) => load.lcpFromAdmin),
        withMax(figure(loads.map((load) => load.cls)), (value) => value?.toFixed(3) ?? "—"),
        (loads.at(-1)?.lcpElement ?? "—").slice(0, 60),
      ]);
    }
  }
  out.push(table(loadRows, ["l", "l", "r", "r", "r", "r", "r", "l"]), "");

  out.push(
    "Interactions on the warm page (Event Timing, durationThreshold 16 ms: an interaction lasts as long as its longest event,",
    `input delay + processing + presentation; the split is of the slowest run's). "admin": in the admin stand-in's frame.`,
  );
  const stepRows = [
    ["page", "interaction", "frame", "ms", "delay", "processing", "presentation", "slowest event → target"],
  ];
  for (const result of results) {
    result.runs[0]?.steps.forEach((first, index) => {
      const steps = result.runs.map((run) => run.steps[index]).filter((step): step is StepResult => Boolean(step));
      const slowest = steps.reduce((worst, step) => ((step.duration ?? 0) > (worst.duration ?? 0) ? step : worst));
      const split = slowest.interaction ? phases(slowest.interaction) : null;
      stepRows.push([
        index === 0 ? result.name : "",
        first.label,
        first.where,
        withMax(figure(steps.map((step) => step.duration ?? 0)), inpMs),
        split ? ms(split.delay) : "",
        split ? ms(split.processing) : "",
        split ? ms(split.presentation) : "",
        slowest.interaction
          ? `${slowest.interaction.entry.name} → ${(slowest.interaction.entry.target ?? "?").slice(0, 50)}`
          : "",
      ]);
    });
  }
  out.push(table(stepRows, ["l", "l", "l", "r", "r", "r", "r", "l"]), "");

  const shifted = results.flatMap((result) => {
    const sources = result.runs.flatMap((run) => [
      ...run.cold.shiftSources.map((source) => `cold load: ${source}`),
      ...run.warm.shiftSources.map((source) => `warm load: ${source}`),
      ...run.lifetimeShiftSources,
    ]);
    const unique = [...new Set(sources)].slice(0, 4);
    return unique.length ? [`  ${result.name}:`, ...unique.map((source) => `    ${source}`)] : [];
  });
  if (shifted.length)
    out.push(
      "Layout shifts not excused by input (value, time in the frame, what preceded, what moved):",
      ...shifted,
      "",
    );

  out.push(
    "Per page (median of the runs, max in brackets): LCP = the worse of cold and warm; CLS = the worst of a run's loads and its warm",
    "page's life with the interactions, until it navigated away; INP = a run's worst interaction (fewer than 50 each).",
  );
  const summaryRows = [["page", "LCP ms", "target", "", "CLS", "target", "", "INP ms", "target", "", "axe", ""]];
  const figures = results.map((result) => ({ result, ...pageFigures(result) }));
  const seriousOn = (name: string) => audits.get(name)?.violations.reduce((sum, v) => sum + v.elements, 0) ?? null;
  for (const { result, lcp, cls, inp } of figures) {
    const serious = seriousOn(result.name);
    summaryRows.push([
      `${result.name} ${result.path}`,
      withMax(lcp, ms),
      `≤ ${TARGETS.lcp}`,
      verdict(lcp.median !== null && lcp.median <= TARGETS.lcp),
      withMax(cls, (value) => value?.toFixed(3) ?? "—"),
      `≤ ${TARGETS.cls}`,
      verdict(cls.median !== null && cls.median <= TARGETS.cls),
      withMax(inp, inpMs),
      `≤ ${TARGETS.inp}`,
      inp.median === null ? "" : verdict(inp.median <= TARGETS.inp),
      serious === null ? "—" : String(serious),
      serious === null ? "" : verdict(serious === 0),
    ]);
  }
  out.push(table(summaryRows, ["l", "r", "l", "l", "r", "l", "l", "r", "l", "l", "r", "l"]), "");
  out.push(...describeAudits(results, audits), "");
  const failed = results.filter((result) => result.failures.length > 0);
  if (failed.length) {
    out.push(
      "Runs that did not finish (their figures are missing above):",
      ...failed.flatMap((result) => result.failures.map((failure) => `  ${result.name}: ${failure}`)),
      "",
    );
  }
  if (consoleErrors.length) {
    out.push(
      `Console errors while measuring (${consoleErrors.length}):`,
      ...[...new Set(consoleErrors)].slice(0, 10).map((error) => `  ${error}`),
      "",
    );
  }

  const worstLcp = maxOf(figures.map((page) => page.lcp.median));
  const worstCls = maxOf(figures.map((page) => page.cls.median)) ?? 0;
  const worstInp = maxOf(figures.map((page) => page.inp.median));
  const version = [...audits.values()][0]?.version ?? "?";
  const total = results.reduce((sum, result) => sum + (seriousOn(result.name) ?? 0), 0);
  const rules = results.reduce((sum, result) => sum + (audits.get(result.name)?.violations.length ?? 0), 0);
  out.push(
    `accessibility: ${total} elements in ${rules} serious or critical violations (axe-core ${version}) over ${results.length} pages (aim 0)`,
  );
  out.push(
    `web-vitals: worst LCP ${ms(worstLcp)} ms, worst CLS ${worstCls.toFixed(3)}, worst INP ${inpMs(worstInp)} ms`,
  );
  process.stdout.write(`${out.join("\n")}\n`);
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "omniroute-web-vitals-"));
  fs.chmodSync(dataDir, 0o755);
  let demo: RunningDemo | undefined;
  let chromium: Awaited<ReturnType<typeof launchChromium>> | undefined;
  const watchdog = setTimeout(() => {
    log(`web-vitals: gave up after ${WATCHDOG_MS / 60_000} minutes`);
    if (demo) void pressCtrlC(demo);
    process.exit(1);
  }, WATCHDOG_MS);
  const axe = axeCoreSource();
  log(`web-vitals: axe-core from ${axe.from}`);
  try {
    log(`web-vitals: building the app and starting the demo (npm run demo -- --scenario ${SCENARIO}, fresh data)…`);
    demo = await startDemo({
      dataDir,
      ports: await freeDemoPorts(),
      timeoutMs: 600_000,
      args: ["--scenario", SCENARIO, "--no-history"],
    });
    chromium = await launchChromium({ enableFeatures: CHROMIUM_FEATURES });
    const browser = chromium.browser;
    log(`web-vitals: demo at ${demo.url}; placing ${SEED_ORDERS} orders and waiting for them to be routed…`);
    const orderId = await seedOrders(browser, demo);
    const specs = pages(orderId).filter(
      (spec) => ONLY_PAGES.length === 0 || ONLY_PAGES.includes(spec.name.toLowerCase()),
    );
    if (specs.length === 0) throw new Error(`WEB_VITALS_PAGES named no page: ${process.env.WEB_VITALS_PAGES}`);
    const outOfProcess = await appFrameOutOfProcess(browser, demo);
    const scale = await describeScale(demo);
    log(`web-vitals: ${scale}`);
    log("web-vitals: warming the server up (one load of each page)…");
    await warmUpServer(browser, demo, specs);
    const results: PageResult[] = [];
    const consoleErrors: string[] = [];
    for (const spec of specs) {
      log(`web-vitals: ${spec.name} (${spec.path}): ${RUNS} cold and warm loads, then interactions…`);
      results.push(await measurePage(browser, demo, spec, consoleErrors));
    }
    const audits = await auditPages(browser, demo, specs, axe.source);
    report(results, browser.version(), outOfProcess, consoleErrors, audits, scale);
    const unfinished = results.reduce((sum, result) => sum + result.failures.length, 0);
    if (unfinished > 0) throw new Error(`${unfinished} run(s) did not finish (reported above)`);
  } catch (error) {
    const tail = demo ? `\n--- demo output (end) ---\n${demo.output().slice(-3000)}` : "";
    throw new Error(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}${tail}`);
  } finally {
    clearTimeout(watchdog);
    await chromium?.close().catch(() => undefined);
    if (demo) {
      const stopped = await pressCtrlC(demo);
      if (!stopped.exited) log("web-vitals: the demo did not stop on Ctrl-C; killed it");
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`web-vitals: the bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
