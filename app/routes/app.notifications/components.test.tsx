import { renderToStaticMarkup } from "react-dom/server";
import type { ReactElement } from "react";
import { describe, expect, it } from "vitest";
import { AppProvider } from "@shopify/polaris";
import translations from "@shopify/polaris/locales/en.json";
import { DEFAULT_NOTIFICATION_SETTINGS } from "~/domain/notifications";
import { toCadenceForm } from "~/domain/notifications/settings-form";
import { CadenceTimeline } from "./CadenceTimeline";
import { MessagePreview } from "./MessagePreview";
import { UncollectedPolicy } from "./UncollectedPolicy";

/** The page's parts rendered as the server renders them: what the merchant reads and what the form posts. */

const render = (element: ReactElement) =>
  renderToStaticMarkup(<AppProvider i18n={translations}>{element}</AppProvider>);
const FORM = toCadenceForm(DEFAULT_NOTIFICATION_SETTINGS);
const ignore = () => () => undefined;
const DAY = 24 * 60 * 60_000;
const NOW = "2026-11-27T18:00:00.000Z";

describe("the Notifications page's parts", () => {
  it("shows the cadence as a timeline with Shopify's own messages in it, every step's fields posted", () => {
    const html = render(
      <CadenceTimeline form={FORM} set={ignore} errors={{ "READY_SMS.delay": "Enter the delay as a number" }} />,
    );

    expect(html.match(/Sent by Shopify/g)).toHaveLength(4);
    expect(html.indexOf("Order confirmation")).toBeLessThan(html.indexOf("Ready for pickup, with the address"));
    expect(html).toContain('name="REMINDER_DAY_2.delay"');
    expect(html).toContain('name="CANCELLED_NOTICE.channels"');
    expect(html).toContain("Enter the delay as a number");
  });

  it("lists the orders auto-cancel would cancel now, with their count, and posts that count once turned on", () => {
    const readyPickups = [9, 3].map((days, index) => ({
      orderId: String(index + 1),
      orderName: `#10${index}`,
      storeName: "Loop",
      readyAt: new Date(Date.parse(NOW) - days * DAY).toISOString(),
      readyAtLabel: `${days} days ago`,
    }));
    const props = { set: ignore, errors: {}, readyPickups, now: NOW, savedOn: false, savedDays: 7 };

    const off = render(<UncollectedPolicy form={FORM} {...props} />);
    const on = render(<UncollectedPolicy form={{ ...FORM, autoCancel: "true" }} {...props} />);

    expect(off).toContain("This policy would cancel 1 order now.");
    expect(off).toContain("#100");
    expect(off).not.toContain("#101");
    expect(off).not.toContain('name="autoCancelConfirmedCount"');
    expect(on).toContain("Saving this cancels 1 order now.");
    expect(on).toContain('name="autoCancelConfirmedCount" value="1"');
    expect(on).toContain(
      "Each cancel restocks the items, refunds the shopper to the original payment methods and has Shopify email the shopper.",
    );
    expect(on).toContain('name="autoCancelRefund" value="true"');
  });

  it("posts each cancel option, and says what a cancel does without a refund", () => {
    const props = { set: ignore, errors: {}, readyPickups: [], now: NOW, savedOn: false, savedDays: 7 };

    const html = render(<UncollectedPolicy form={{ ...FORM, autoCancelRefund: "false" }} {...props} />);

    expect(html).toContain('name="autoCancelRestock" value="true"');
    expect(html).toContain('name="autoCancelRefund" value="false"');
    expect(html).toContain('name="autoCancelNotifyCustomer" value="true"');
    expect(html).toContain("refunds nothing");
  });

  it("previews a step's SMS with its characters and segments, and its email in a sandboxed frame", () => {
    const sample = { shopName: "Windy City Outfitters", pickupPassUrl: "https://app.example/pickup/abc" };

    const html = render(<MessagePreview form={FORM} sample={sample} />);

    expect(html).toContain("Windy City Outfitters: your order #1042 is ready for pickup at Lincoln Park");
    expect(html).toMatch(/\d+ characters · \d segments? \(GSM-7\)/);
    // READY_SMS: Shopify emails the shopper itself.
    expect(html).toContain("Shopify emails the shopper about this itself.");
    expect(html).not.toContain("<iframe");
  });

  it("previews the feedback email with the offer being typed, in a frame with no scripts", () => {
    const sample = { shopName: "Windy City Outfitters", pickupPassUrl: "https://app.example/pickup/abc" };

    const html = render(
      <MessagePreview
        form={{ ...FORM, feedbackOffer: "THANKS10 for 10% off" }}
        sample={sample}
        initialStep="FEEDBACK_EMAIL"
      />,
    );

    expect(html).toContain('sandbox=""');
    expect(html).toMatch(/<iframe[^>]*srcDoc="[^"]*THANKS10 for 10% off/i);
    expect(html).toContain("How did it go? Just reply. THANKS10 for 10% off");
  });
});
