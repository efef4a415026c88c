import type { FrameLocator, Page } from "playwright-core";

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
