import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { useDemoInChromium } from "../support/demo-browser";
import {
  appFrame,
  expectText,
  freeDemoPorts,
  placeOrderFromPanel,
  pollUntil,
  pressCtrlC,
  startDemo,
  webhookTopics,
} from "../support/demo";
import { openPosAtRoutedStore, posFailureEvidence, takePickupToReady } from "../support/store-pos";

/**
 * The shopper's side of the cadence in `npm run demo`: a pickup order placed in the admin
 * stand-in's panel and made ready on the Store POS stand-in; in the Outbox, the ready text lands
 * on the shopper's phone, the demo clock's "+1 hour" brings the 2-hour reminder, and STOP from the
 * phone is confirmed there, after which the app's Messages page shows the next text skipped.
 */
const SCREENSHOTS = path.join("test-results", "e2e");
const { dataDir, browser } = useDemoInChromium("customer-messages");
const SHOPPER_PHONE = "+13125550123";
const SHOPPER_EMAIL = "shopper@example.com";
const STORE_ZONE = "America/Chicago";
const MINUTE = 60_000;

/** How far the demo clock must move for its wall clock in Chicago to read 10:00 next. */
function untilNextTenInChicago(now: Date): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: STORE_ZONE,
      hourCycle: "h23",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(now)
      .map((part) => [part.type, Number(part.value)]),
  );
  const minutesSinceMidnight = (parts.hour ?? 0) * 60 + (parts.minute ?? 0);
  const minutesToGo = (10 * 60 - minutesSinceMidnight + 24 * 60) % (24 * 60) || 24 * 60;
  return minutesToGo * MINUTE - (parts.second ?? 0) * 1000 - now.getMilliseconds();
}

async function demoClock(demoUrl: string): Promise<{ offsetMs: number; now: string }> {
  return (await (await fetch(new URL("/_emulator/clock", demoUrl))).json()) as { offsetMs: number; now: string };
}

/** The Messages page's rows for `orderName`, reread (from the app's menu) until `row` says `status`. */
async function waitForMessageRow(admin: Page, orderName: string, step: string, status: RegExp): Promise<void> {
  await pollUntil(
    async () => {
      await admin.locator("#app-nav a", { hasText: "Messages" }).click();
      const row = appFrame(admin).locator("tr", { hasText: orderName }).filter({ hasText: step }).first();
      const text = await row.textContent({ timeout: 5_000 }).catch(() => "");
      return status.test(text ?? "");
    },
    `the ${step} message of ${orderName} to say ${status}`,
    90_000,
  );
}

describe("the customer's messages in the demo", () => {
  it("shows the ready text on the shopper's phone, the reminder after +2 hours, and STOP from the phone", async () => {
    const demo = await startDemo({ dataDir, ports: await freeDemoPorts() });
    const admin = await browser().newPage({ viewport: { width: 1400, height: 900 } });
    const pageErrors: string[] = [];
    let pos: Page | null = null;
    try {
      await admin.goto(demo.url);
      await expectText(appFrame(admin).locator("h2"), /Windy City Outfitters/, 90_000);

      // CI runs at any hour, and quiet hours (texts 08:00–21:00, reminders 09:00–20:00 in the
      // store's zone) would hold the messages back: the demo clock goes to the next 10:00 in
      // Chicago first, through the emulator's control endpoint, so the cadence runs in the day.
      const start = await demoClock(demo.url);
      const advanceMs = untilNextTenInChicago(new Date(start.now));
      const moved = await fetch(new URL("/_emulator/clock", demo.url), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ advanceMs }),
      });
      expect(moved.status).toBe(200);

      // A shopper who checked out with their email and accepted the shop's texts: the app texts
      // them (with their phone as the checkout contact, Shopify would, and the app would not).
      await admin.getByLabel("Checkout contact").selectOption("email");
      await admin.getByLabel("Accepts texts from the shop (SMS marketing)").check();
      expect(await placeOrderFromPanel(admin, "Pick up in store")).toMatch(/Placed #1001/);
      pos = (await openPosAtRoutedStore(admin, "#1001", pageErrors)).pos;
      await takePickupToReady(pos, "#1001");
      await pollUntil(
        async () => (await webhookTopics(demo.url)).includes("fulfillment_orders/line_items_prepared_for_pickup"),
        "Shopify's fulfilment order to be prepared for pickup",
      );

      // The Outbox: the ready text arrives on the shopper's phone (the demo clock reads 10:0x).
      await admin.bringToFront();
      await admin.getByRole("tab", { name: "Outbox" }).click();
      await expectText(admin.getByRole("status", { name: "Demo time" }), /10:\d\d/);
      const phone = admin.getByRole("region", { name: `Phone ${SHOPPER_PHONE}` });
      const texts = phone.getByRole("log");
      await expectText(texts.locator("li"), /#1001 is ready for pickup/, 120_000);
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await phone.scrollIntoViewIfNeeded();
      await admin.screenshot({ path: path.join(SCREENSHOTS, "customer-messages-ready.png") });

      // "+1 hour" twice: the 2-hour reminder comes due (by push, or by email for a shopper without
      // a push subscription, as the cadence chose).
      const clockBar = admin.getByRole("group", { name: "Demo clock" });
      await clockBar.getByRole("button", { name: "+1 hour" }).click();
      await clockBar.getByRole("button", { name: "+1 hour" }).click();
      await pollUntil(
        async () => (await demoClock(demo.url)).offsetMs === advanceMs + 2 * 60 * MINUTE,
        "the demo clock to be two hours on",
        10_000,
      );
      const reminder: Locator = admin
        .getByRole("region", { name: `Inbox ${SHOPPER_EMAIL}` })
        .getByRole("button", { name: /#1001 is waiting for you/ })
        .or(admin.getByRole("region", { name: /^Lock screen/ }).getByRole("article"));
      await reminder.first().waitFor({ timeout: 120_000 });
      await admin.screenshot({ path: path.join(SCREENSHOTS, "customer-messages-reminder.png") });

      // STOP from the phone: Twilio confirms it on the phone, and the app stops texting the number.
      await phone.getByRole("button", { name: "STOP" }).click();
      await expectText(texts.locator("li.shopper"), /^STOP/, 30_000);
      await expectText(texts.locator("li"), /successfully been unsubscribed/, 30_000);
      await phone.scrollIntoViewIfNeeded();
      await admin.screenshot({ path: path.join(SCREENSHOTS, "customer-messages-stop.png") });

      // Two days on, the day-2 reminder planned as a text is skipped as opted out, not sent.
      await clockBar.getByRole("button", { name: "+1 day" }).click();
      await clockBar.getByRole("button", { name: "+1 day" }).click();
      await waitForMessageRow(admin, "#1001", "still waiting (day 2)", /Skipped.*replied STOP/);
      await admin.screenshot({ path: path.join(SCREENSHOTS, "customer-messages-opted-out.png") });
      expect(await texts.locator("li", { hasText: "is waiting for you" }).count()).toBe(0);
      expect(pageErrors).toEqual([]);
    } catch (error) {
      throw await posFailureEvidence("customer-messages", { admin, pos }, demo, error);
    } finally {
      await pos?.close();
      await admin.close();
      expect(await pressCtrlC(demo)).toEqual({ exited: true, listening: [] });
    }
  }, 420_000);
});
