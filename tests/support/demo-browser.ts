import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "./browser";

/**
 * For a browser test file that runs `npm run demo`: a fresh data folder for the demo and one
 * Chromium, launched before the file's tests and closed, with the folder removed, after them.
 */
export function useDemoInChromium(name: string): { dataDir: string; browser: () => Browser } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `omniroute-${name}-`));
  fs.chmodSync(dataDir, 0o755);
  let chromium: Awaited<ReturnType<typeof launchChromium>> | undefined;

  beforeAll(async () => {
    chromium = await launchChromium();
  });

  afterAll(async () => {
    await chromium?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  return {
    dataDir,
    browser() {
      if (!chromium) throw new Error("Chromium is launched in beforeAll: ask for the browser inside a test");
      return chromium.browser;
    },
  };
}
