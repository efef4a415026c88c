import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useDemoInChromium } from "../support/demo-browser";
import { appFrame, expectText, freeDemoPorts, pollUntil, pressCtrlC, startDemo } from "../support/demo";

/**
 * "Compare with the last 30 days" in `npm run demo`: the merchant raises the store minimum from 3
 * to 5 units in the Routing rules form, compares, sees fewer store shipments and what it does to
 * the cost, saves, and finds the comparison kept with the new version in the history.
 *
 * The demo starts with three days of history (about 220 orders routed by the engine in about 27 s
 * after the install on a busy two-core machine; enough that a minimum of 5 moves some store
 * shipments whatever the weekday) rather than none, the browser tests' default, or 30 days
 * (about five minutes).
 *
 * A comparison that small runs in the request; the demo here runs with
 * ROUTING_COMPARISON_INLINE_MAX_ORDERS=0, so it is queued as the job a large shop's is, and the page
 * shows its progress and polls it until the report is ready: the path a browser sees only at scale.
 * The card's in-request path is covered by CompareCard.test.tsx and the route's by compare.test.ts.
 */
const SCREENSHOTS = path.join("test-results", "e2e");
const HISTORY_LINE = /History: (\d+) past orders routed by the engine.* in ([\d.]+) s/;
const { dataDir, browser } = useDemoInChromium("routing-compare");

/** "Your draft: store shipments 23 → 19 (−4), cost per order $6.57 → $6.61 (+$0.04)[, unroutable 6 → 8 (+2)]" read back. */
const HEADLINE =
  /Your draft: store shipments ([\d,]+) → ([\d,]+) \(([^)]*)\), cost per order (\S+) → (\S+) \(([^)]*)\)(?:, unroutable [\d,]+ → [\d,]+ \([^)]*\))?/;
/** The route the card polls a comparison running as a job on (Remix's single fetch adds ".data"). */
const POLL_PATH = /^\/app\/routing-comparisons\/([0-9a-f-]{36})(\.data)?$/;

describe("comparing routing rules with the last 30 days in the demo", () => {
  it("raises the store minimum, compares, sees fewer store shipments and the cost change, and saves with it", async () => {
    const started = Date.now();
    const demo = await startDemo({
      dataDir,
      ports: await freeDemoPorts(),
      args: ["--history-days", "3"],
      // Every comparison with orders is a job the page polls.
      env: { ROUTING_COMPARISON_INLINE_MAX_ORDERS: "0" },
    });
    const admin = await browser().newPage({ viewport: { width: 1400, height: 1000 } });
    const pageErrors: string[] = [];
    admin.on("pageerror", (error) => pageErrors.push(error.message));
    // The app frame's polls of a comparison: only a comparison running as a job is polled.
    const polls: { comparisonId: string; status: number }[] = [];
    admin.on("response", (response) => {
      const match = POLL_PATH.exec(new URL(response.url()).pathname);
      if (match) polls.push({ comparisonId: match[1]!, status: response.status() });
    });
    const app = appFrame(admin);
    try {
      // The first admin page load installs the app; the history is routed once the mirror is synced.
      await admin.goto(demo.url);
      await expectText(app.locator("h2"), /Windy City Outfitters/, 90_000);
      await pollUntil(async () => HISTORY_LINE.test(demo.output()), "the demo's history", 180_000);
      const historyOrders = Number(HISTORY_LINE.exec(demo.output())![1]);
      expect(historyOrders).toBeGreaterThan(20);
      const historySeconds = Number(HISTORY_LINE.exec(demo.output())![2]);
      const readySeconds = (Date.now() - started) / 1000;

      await admin.locator("#app-nav a", { hasText: "Routing rules" }).click();
      await expectText(admin.locator("#title"), /^Routing rules$/);
      const minimum = app.getByLabel("Store minimum units", { exact: true });
      await minimum.waitFor({ timeout: 60_000 });
      expect(await minimum.inputValue()).toBe("3");
      await minimum.fill("5");

      // The job's progress bar, named by the sentence above it ("Replaying 221 orders under four
      // routings… 20%"), shown only while the comparison runs: the request answers with it queued.
      // Waited for from before the click: the next poll, a second later, may find the job done.
      const progressBar = app.getByRole("progressbar", {
        name: new RegExp(`^Replaying ${historyOrders.toLocaleString("en-US")} orders under four routings… \\d+%$`),
      });
      const inProgress = progressBar.waitFor({ state: "attached", timeout: 60_000 });
      await app.getByRole("button", { name: "Compare with the last 30 days" }).click();
      await inProgress;
      await expectText(app.locator("body"), HEADLINE, 120_000);
      // The report came from the job, read by the page's polls of that one comparison, not the request.
      expect(polls.length).toBeGreaterThan(0);
      expect(new Set(polls.map((poll) => poll.comparisonId)).size).toBe(1);
      expect(polls.every((poll) => poll.status === 200)).toBe(true);
      expect(await progressBar.count()).toBe(0);
      const headline = HEADLINE.exec(await app.locator("body").innerText())!;
      const liveStore = Number(headline[1]!.replace(/,/g, ""));
      const draftStore = Number(headline[2]!.replace(/,/g, ""));
      expect(draftStore).toBeLessThan(liveStore);
      expect(headline[3]).toMatch(/^[-−]\d/);
      // The cost change, in the shop's currency (US dollars in the demo).
      expect(headline[4]).toMatch(/^\$[\d,]+\.\d\d$/);
      expect(headline[6]).toMatch(/^[+-−]?\$[\d,]+\.\d\d$|^\$0\.00$/);
      await expectText(app.locator("body"), new RegExp(`${historyOrders} orders from`));
      await app.getByRole("img", { name: /Store shipments per day/ }).waitFor();
      await expectText(app.locator("body"), /Orders the draft sends elsewhere: \d+/);
      // Why the first of them moves: both rule sets' reasons, replayed again for it.
      await app
        .getByRole("button", { name: /^Why the live and draft rules send order/ })
        .first()
        .click();
      await app.getByRole("heading", { name: "Draft rules", exact: true }).first().waitFor({ timeout: 30_000 });
      const reasons = await app.locator("body").innerText();
      expect(
        reasons.match(/Order [^:\n]+: (fulfilled from|split across|could not be routed)/g)?.length,
      ).toBeGreaterThanOrEqual(2);
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await admin.screenshot({ path: path.join(SCREENSHOTS, "routing-compare.png"), fullPage: true });

      await app.getByRole("button", { name: "Save rules" }).click();
      await expectText(admin.locator("body"), /Routing rules saved \(version 1\) with their comparison/);
      const history = app.locator("tr", { hasText: "min 5 units" });
      await expectText(
        history,
        new RegExp(`${historyOrders} orders: cost \\S+ → \\S+ · store shipments ${liveStore} → ${draftStore}`),
      );
      expect(pageErrors).toEqual([]);
      console.log(
        `${headline[0]}\nrouting-compare e2e: ${historyOrders} history orders routed in ${historySeconds.toFixed(1)} s, ready ${readySeconds.toFixed(1)} s after start, compared as a job (${polls.length} polls), whole test ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    } catch (error) {
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await admin.screenshot({ path: path.join(SCREENSHOTS, "routing-compare-failure.png"), fullPage: true });
      throw new Error(`${String(error)}\n--- demo output ---\n${demo.output().slice(-4000)}`);
    } finally {
      await admin.close();
      await pressCtrlC(demo);
    }
  }, 420_000);
});
