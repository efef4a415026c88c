import { chromium, type Browser } from "playwright-core";

/** Debian's Chromium, headless, cut off from everything but this machine, with a fresh profile (Playwright makes one per launch). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Headless Chromium names itself HeadlessChrome, which Shopify's library treats as a bot and
 * refuses to authenticate (410); a merchant's or shopper's browser says Chrome.
 */
export const DESKTOP_CHROME_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

/**
 * Chromium features turned off. Chromium reads one `--disable-features` (the last given), so this
 * list replaces Playwright's own and therefore repeats the entries of it that apply here: no
 * network on start-up (optimisation hints, network time, search preconnect, AI mode), HTTP kept on
 * HTTP, no paint holding, no profile teardown quirks.
 *
 * The omnibox popup entries are ours: headless Chromium (the full browser in its new headless
 * mode) builds each new window's omnibox popup as WebUI pages, about 400 module requests and
 * roughly 0.8 s of CPU a window (a script that launches the browser and opens two windows used
 * 7.5 s of CPU with it, 5.8 s without). Every fresh browser context is a new window, and every
 * cold load in the browser tests and benches opens one, so that work ran beside the page being
 * loaded on a 2-core machine; a merchant's browser built its window long before opening the admin.
 */
const DISABLED_FEATURES = [
  "WebUIOmniboxPopup",
  "WebUIOmniboxFullPopup",
  "WebUIOmniboxAimPopup",
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "HttpsUpgrades",
  "HttpsFirstBalancedModeAutoEnable",
  "LensOverlay",
  "MediaRouter",
  "PaintHolding",
  "ThirdPartyStoragePartitioning",
  "OptimizationHints",
  "NetworkTimeServiceQuerying",
  "AimEnabled",
  "PreconnectToSearch",
];

/** Playwright's enabled features (one `--enable-features` too), to which callers add theirs. */
const ENABLED_FEATURES = ["CDPScreenshotNewSurface", "SkipListAccountsWithoutGaiaCookies"];

export async function launchChromium(
  options: { enableFeatures?: string[] } = {},
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
      `--disable-features=${DISABLED_FEATURES.join(",")}`,
      `--enable-features=${[...ENABLED_FEATURES, ...(options.enableFeatures ?? [])].join(",")}`,
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}
