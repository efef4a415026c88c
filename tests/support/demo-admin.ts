import fs from "node:fs";
import path from "node:path";
import type { Browser, FrameLocator, Page } from "playwright-core";
import { expect } from "vitest";
import { appFrame, expectText, freeDemoPorts, pressCtrlC, startDemo, type RunningDemo } from "./demo";

/**
 * A browser test's session with `npm run demo`: the demo started on its data folder, the admin
 * stand-in opened on the Dashboard, and afterwards the page closed and the demo stopped with
 * Ctrl-C. A failure keeps its evidence (a screenshot and the demo's output under
 * test-results/e2e/<name>-…) and carries the end of the demo's output in its message; errors the
 * app's pages threw are collected for the test to check.
 */

export const E2E_RESULTS = path.join("test-results", "e2e");

export interface DemoAdmin {
  demo: RunningDemo;
  admin: Page;
  app: FrameLocator;
  /** Errors thrown in the admin's pages so far. */
  pageErrors: string[];
  /** Saves a full-page screenshot as test-results/e2e/<file>.png. */
  screenshot(file: string): Promise<void>;
}

export async function withDemoAdmin(
  browser: Browser,
  options: { name: string; dataDir: string; acceptDownloads?: boolean },
  run: (session: DemoAdmin) => Promise<void>,
): Promise<void> {
  const demo = await startDemo({ dataDir: options.dataDir, ports: await freeDemoPorts() });
  const admin = await browser.newPage({
    viewport: { width: 1400, height: 900 },
    acceptDownloads: options.acceptDownloads ?? false,
  });
  const pageErrors: string[] = [];
  admin.on("pageerror", (error) => pageErrors.push(error.message));
  const app = appFrame(admin);
  const screenshot = async (file: string) => {
    fs.mkdirSync(E2E_RESULTS, { recursive: true });
    await admin.screenshot({ path: path.join(E2E_RESULTS, `${file}.png`), fullPage: true });
  };
  try {
    await admin.goto(demo.url);
    await expectText(app.locator("h2"), /Windy City Outfitters/, 90_000);
    await run({ demo, admin, app, pageErrors, screenshot });
  } catch (error) {
    fs.mkdirSync(E2E_RESULTS, { recursive: true });
    await admin.screenshot({ path: path.join(E2E_RESULTS, `${options.name}-failure.png`) }).catch(() => undefined);
    fs.writeFileSync(path.join(E2E_RESULTS, `${options.name}-output.log`), demo.output());
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\n--- demo output (end) ---\n${demo.output().slice(-3000)}`);
  } finally {
    await admin.close();
    expect(await pressCtrlC(demo)).toEqual({ exited: true, listening: [] });
  }
}
