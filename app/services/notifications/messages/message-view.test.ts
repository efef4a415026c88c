import { describe, expect, it } from "vitest";
import type { StoredMessage } from "~/models/notification-timeline.server";
import { maskRecipient, messageView, stepDescription } from "./message-view";

function message(overrides: Partial<StoredMessage>): StoredMessage {
  return {
    id: "5b7c1f5e-0000-4000-8000-000000000001",
    orderId: "1001",
    step: "READY_SMS",
    channel: "SMS",
    locationId: "1001",
    recipient: "+13125550123",
    sendAt: new Date("2026-11-27T15:00:00Z"),
    status: "SCHEDULED",
    statusAt: new Date("2026-11-27T14:00:00Z"),
    attempts: 0,
    reason: null,
    sentAt: null,
    deliveredAt: null,
    ...overrides,
  };
}

describe("a recipient on the merchant's pages", () => {
  it("shows a phone's country code and last four digits only", () => {
    expect(maskRecipient("SMS", "+13125550123")).toBe("+1 •••• ••0123");
    expect(maskRecipient("SMS", "+442079460958")).toBe("+44 •••• ••0958");
  });

  it("shows an email's first letter and domain only", () => {
    expect(maskRecipient("EMAIL", "alex.smith@example.com")).toBe("a•••@example.com");
    expect(maskRecipient("EMAIL", "no-at-sign")).toBe("•••");
  });

  it("shows the end of a push subscriber's id, and nothing before the send chose a recipient", () => {
    expect(maskRecipient("PUSH", "shopper-8f2a91")).toBe("Device •••2a91");
    expect(maskRecipient("SMS", null)).toBeNull();
  });
});

describe("a message's words", () => {
  it("names the cadence step by its description and Shopify's messages by theirs", () => {
    expect(stepDescription("REMINDER_DAY_2")).toBe("Your order is still waiting (day 2)");
    expect(stepDescription("SHOPIFY:READY_FOR_PICKUP")).toBe("Ready for pickup");
    expect(stepDescription("SOMETHING_NEW")).toBe("SOMETHING_NEW");
  });

  it("says when a scheduled message goes, in the zone it is given (DST-aware short name)", () => {
    const view = messageView(message({}), "America/Chicago");
    expect(view).toMatchObject({
      statusLabel: "Scheduled for 2026-11-27 09:00 CST",
      channelLabel: "SMS",
      recipient: "+1 •••• ••0123",
      canResend: false,
    });
    const summer = messageView(message({ sendAt: new Date("2026-07-01T15:00:00Z") }), "America/Chicago");
    expect(summer.statusLabel).toBe("Scheduled for 2026-07-01 10:00 CDT");
  });

  it("says why a message failed or was skipped, and offers a resend only for a failed one", () => {
    const failed = messageView(message({ status: "FAILED", reason: "Unknown destination" }), "UTC");
    const skipped = messageView(message({ status: "SKIPPED", reason: "The number replied STOP" }), "UTC");
    expect(failed).toMatchObject({ statusLabel: "Failed — Unknown destination", tone: "critical", canResend: true });
    expect(skipped).toMatchObject({ statusLabel: "Skipped — The number replied STOP", canResend: false, note: null });
  });

  it("says Shopify sent its own messages rather than that they were skipped", () => {
    const view = messageView(
      message({ step: "SHOPIFY:ORDER_CONFIRMATION", channel: "EMAIL", status: "SKIPPED", reason: "Sent by Shopify" }),
      "UTC",
    );
    expect(view).toMatchObject({
      description: "Order confirmation",
      channelLabel: "Email",
      statusLabel: "Sent by Shopify",
      sentByShopify: true,
    });
  });

  it("keeps who resent a message as its note, and dates a delivered message by its delivery", () => {
    const resent = messageView(message({ reason: "Resent by Staff member 1" }), "UTC");
    const delivered = messageView(
      message({
        status: "DELIVERED",
        sentAt: new Date("2026-11-27T15:00:10Z"),
        deliveredAt: new Date("2026-11-27T15:01:00Z"),
      }),
      "UTC",
    );
    expect(resent.note).toBe("Resent by Staff member 1");
    expect(delivered).toMatchObject({ statusLabel: "Delivered", at: "2026-11-27 15:01 UTC" });
  });
});
