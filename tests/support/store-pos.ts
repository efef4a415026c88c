import fs from "node:fs";
import path from "node:path";
import type { FrameLocator, Page } from "playwright-core";
import { routedStore, type RunningDemo } from "./demo";

/**
 * What an associate does on the demo's Store POS stand-in (dev/pos): the extension's tile and
 * modal, each in its sandbox frame, and the stand-in's scanner and customer panels around them.
 */
/**
 * Opens the Store POS stand-in from the admin stand-in's panel link, at tablet size; `pageErrors`
 * collects its uncaught exceptions. The caller chooses the store (`#location`), after keeping the page.
 */
export async function openStorePos(admin: Page, pageErrors: string[]): Promise<Page> {
  const [pos] = await Promise.all([admin.waitForEvent("popup"), admin.locator("#pos-link").click()]);
  pos.on("pageerror", (error) => pageErrors.push(error.message));
  await pos.setViewportSize({ width: 1400, height: 820 });
  return pos;
}

export function posTile(pos: Page) {
  return pos.frameLocator("#tile-frame").locator("s-tile");
}

/** The modal's current screen (each navigation loads a fresh sandbox under the same id). */
export function posScreen(pos: Page): FrameLocator {
  return pos.frameLocator("#modal-frame");
}

/** Waits for the modal's screen whose page heading starts with `heading`, e.g. "Pick #1001". */
export async function waitForScreen(pos: Page, heading: string, timeout = 30_000): Promise<void> {
  await posScreen(pos).locator(`s-page[heading^="${heading}"]`).waitFor({ timeout });
}

export async function tapButton(pos: Page, name: string | RegExp, timeout = 30_000): Promise<void> {
  await posScreen(pos).getByRole("button", { name }).first().click({ timeout });
}

/** A banner of the current screen, by its heading; resolves to its text. */
export async function bannerText(pos: Page, heading: string, timeout = 30_000): Promise<string> {
  const banner = posScreen(pos).locator(`s-banner[heading="${heading}"]`);
  await banner.waitFor({ timeout });
  return (await banner.textContent()) ?? "";
}

/** Presses one of the stand-in scanner's "scan" buttons (the open task's items, a bin label…). */
export async function scanWith(pos: Page, label: string | RegExp): Promise<void> {
  await pos.locator("#scan-buttons button.scan", { hasText: label }).click({ timeout: 30_000 });
}

export async function typeInto(pos: Page, label: string, text: string): Promise<void> {
  await posScreen(pos).locator(`s-text-field[label="${label}"] input`).fill(text);
}

/** Opens the modal from the tile and waits until the queue lists `orderName` (it rereads every 20 s). */
export async function openQueueShowing(pos: Page, orderName: string): Promise<void> {
  await posTile(pos).click();
  await waitForScreen(pos, "Online orders");
  await posScreen(pos).locator("s-clickable", { hasText: orderName }).waitFor({ timeout: 90_000 });
}

/**
 * Works a pickup order from the open queue to ready, as an associate does without a slip: picks
 * its items by scanning, packs, stages it in bin `bin` and marks it ready (Shopify is told).
 */
export async function takePickupToReady(pos: Page, orderName: string, bin = "A3"): Promise<void> {
  await posScreen(pos).locator("s-clickable", { hasText: orderName }).click();
  await waitForScreen(pos, `Pick ${orderName}`);
  await pos.locator("#scan-buttons button.scan").filter({ hasNotText: "wrong item" }).first().click();
  await posScreen(pos)
    .locator("s-badge", { hasText: /(\d+) of \1 picked/ })
    .waitFor({ timeout: 30_000 });
  await tapButton(pos, "Continue to packing");
  await waitForScreen(pos, `Pack ${orderName}`);
  await tapButton(pos, "Items packed");
  await waitForScreen(pos, `Stage ${orderName}`);
  await scanWith(pos, `Scan bin label ${bin}`);
  await tapButton(pos, "Stage here");
  await waitForScreen(pos, `Ready ${orderName}`);
  await tapButton(pos, "Mark ready for pickup");
  await bannerText(pos, "Ready for pickup", 60_000);
}

/**
 * A failed store-POS browser test's evidence: screenshots of both windows and the demo's output
 * under test-results/e2e, and in the error itself what the POS showed and the demo's last words
 * (CI shows only the test report).
 */
export async function posFailureEvidence(
  name: string,
  windows: { admin: Page; pos: Page | null | undefined },
  demo: RunningDemo,
  error: unknown,
): Promise<Error> {
  const folder = path.join("test-results", "e2e");
  fs.mkdirSync(folder, { recursive: true });
  await windows.pos?.screenshot({ path: path.join(folder, `${name}-failure.png`) }).catch(() => undefined);
  await windows.admin.screenshot({ path: path.join(folder, `${name}-admin-failure.png`) }).catch(() => undefined);
  fs.writeFileSync(path.join(folder, `${name}-output.log`), demo.output());
  const screen = windows.pos
    ? await posScreen(windows.pos)
        .locator("body")
        .innerHTML({ timeout: 2000 })
        .catch(() => "(no modal)")
    : "(no POS page)";
  const message = error instanceof Error ? error.message : String(error);
  return new Error(
    `${message}\n--- the POS showed ---\n${screen.slice(0, 2500)}\n--- demo output (end) ---\n${demo.output().slice(-3000)}`,
  );
}

/**
 * The Store POS stand-in opened at the store routing gave `orderName` (the shopper's chosen one,
 * or the nearest open one when it is closed now), its queue showing the order.
 */
export async function openPosAtRoutedStore(
  admin: Page,
  orderName: string,
  pageErrors: string[],
): Promise<{ pos: Page; store: string }> {
  const pickupStores = await admin.locator("#pickup-select option").allTextContents();
  const store = await routedStore(admin, orderName, pickupStores);
  const pos = await openStorePos(admin, pageErrors);
  await pos.locator("#location").selectOption({ label: store });
  await openQueueShowing(pos, orderName);
  return { pos, store };
}
