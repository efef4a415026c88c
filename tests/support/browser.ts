import { chromium, type Browser } from "playwright-core";

/** Debian's Chromium, headless, cut off from everything but this machine, with a fresh profile (Playwright makes one per launch). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Headless Chromium names itself HeadlessChrome, which Shopify's library treats as a bot and
 * refuses to authenticate (410); a merchant's or shopper's browser says Chrome.
 */
export const DESKTOP_CHROME_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

export async function launchChromium(
  options: { args?: string[] } = {},
): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      `--user-agent=${DESKTOP_CHROME_USER_AGENT}`,
      ...(options.args ?? []),
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}
