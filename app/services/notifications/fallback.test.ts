import { beforeAll, describe, expect, it } from "vitest";
import type { NotificationStatus, PrismaClient } from "@prisma/client";
import { uniqueShop } from "../../../tests/support/shops";
import type * as Fallback from "./fallback.server";
import { messageView } from "./messages/message-view";

/** A message that could not reach the shopper goes by the step's next channel, once, in one transaction. */

let prisma: PrismaClient;
let fallback: typeof Fallback;
const NOW = new Date("2026-11-30T18:00:00Z");
const WHY = "Undeliverable by text: Landline or unreachable carrier (30006)";

beforeAll(async () => {
  ({ prisma } = await import("~/db.server"));
  fallback = await import("./fallback.server");
});

let orderSeq = 7000;

async function textOf(
  shop: string,
  contact: { email?: string | null; orderPhone?: string | null },
  row: { step?: string; status?: NotificationStatus } = {},
) {
  const orderId = String(orderSeq++);
  await prisma.orderContact.create({
    data: { shop, orderId, email: contact.email ?? null, orderPhone: contact.orderPhone ?? "+13125550100" },
  });
  return prisma.notification.create({
    data: {
      shop,
      orderId,
      step: row.step ?? "REMINDER_DAY_2",
      channel: "SMS",
      locationId: "1",
      sendAt: new Date(NOW.getTime() - 60_000),
      status: row.status ?? "FAILED",
      recipient: "+13125550100",
    },
  });
}

const rowsOf = (shop: string, orderId: string) =>
  prisma.notification.findMany({
    where: { shop, orderId },
    orderBy: { channel: "asc" },
    select: { channel: true, status: true, reason: true, sendAt: true, locationId: true, errorCode: true },
  });

describe("falling back to the next channel", () => {
  it("an undelivered reminder text is emailed now, once, however often it is asked", async () => {
    const shop = uniqueShop();
    const text = await textOf(shop, { email: "shopper@example.com" });
    const first = await fallback.fallBackToNextChannel(prisma, { shop, notificationId: text.id }, WHY, NOW);
    const again = await fallback.fallBackToNextChannel(prisma, { shop, notificationId: text.id }, WHY, NOW);

    expect(first).toMatchObject({ kind: "FELL_BACK", channel: "EMAIL" });
    expect(again).toEqual({ kind: "ALREADY_ON_CHANNEL", channel: "EMAIL" });
    expect(await rowsOf(shop, text.orderId)).toEqual([
      {
        channel: "SMS",
        status: "FAILED",
        reason: `${WHY} — sent by email instead`,
        sendAt: text.sendAt,
        locationId: "1",
        errorCode: null,
      },
      { channel: "EMAIL", status: "SCHEDULED", reason: null, sendAt: NOW, locationId: "1", errorCode: null },
    ]);
  });

  it("shows on the merchant's pages (messages log, order timeline) that the text went by email instead", async () => {
    const shop = uniqueShop();
    const text = await textOf(shop, { email: "shopper@example.com" });
    await fallback.fallBackToNextChannel(prisma, { shop, notificationId: text.id }, WHY, NOW);

    const row = await prisma.notification.findUniqueOrThrow({ where: { id: text.id } });
    expect(messageView(row, "America/Chicago")).toMatchObject({
      statusLabel: `Failed — ${WHY} — sent by email instead`,
      tone: "critical",
    });
  });

  it("offers no resend of a text that went by email instead, and refuses one", async () => {
    const shop = uniqueShop();
    const text = await textOf(shop, { email: "shopper@example.com" });
    const { customerMessagesOfOrder, resendFailedMessage } = await import("./messages/messages.server");
    expect((await customerMessagesOfOrder(shop, text.orderId, "America/Chicago"))[0]?.canResend).toBe(true);

    await fallback.fallBackToNextChannel(prisma, { shop, notificationId: text.id }, WHY, NOW);

    const timeline = await customerMessagesOfOrder(shop, text.orderId, "America/Chicago");
    expect(timeline.map((message) => [message.channel, message.canResend])).toEqual([
      ["SMS", false],
      ["EMAIL", false],
    ]);
    expect(await resendFailedMessage(shop, text.id, "staff", NOW)).toEqual({ outcome: "FELL_BACK", channel: "EMAIL" });
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: text.id } })).status).toBe("FAILED");
  });

  it("two callbacks at once still schedule one email", async () => {
    const shop = uniqueShop();
    const text = await textOf(shop, { email: "shopper@example.com" });
    const outcomes = await Promise.all(
      [1, 2, 3].map(() => fallback.fallBackToNextChannel(prisma, { shop, notificationId: text.id }, WHY, NOW)),
    );
    expect(outcomes.filter((outcome) => outcome.kind === "FELL_BACK")).toHaveLength(1);
    expect((await rowsOf(shop, text.orderId)).map((row) => row.channel)).toEqual(["SMS", "EMAIL"]);
  });

  it.each<[string, { email?: string | null }, { step?: string; status?: NotificationStatus }, string, string | null]>([
    [
      "no email on the order: nothing else is sent, and the text says why",
      { email: null },
      {},
      "NO_FALLBACK",
      `${WHY} — not sent another way: No email address on the order`,
    ],
    [
      "a step with no other channel chosen",
      { email: "a@example.com" },
      { step: "DELIVERED_SMS" },
      "NO_FALLBACK",
      `${WHY} — not sent another way: No other channel is chosen for this message`,
    ],
    [
      "a text that was delivered is left alone",
      { email: "a@example.com" },
      { status: "DELIVERED" },
      "NOT_NEEDED",
      null,
    ],
    ["a cancelled text is left alone", { email: "a@example.com" }, { status: "CANCELLED" }, "NOT_NEEDED", null],
  ])("%s", async (_, contact, row, kind, reason) => {
    const shop = uniqueShop();
    const text = await textOf(shop, contact, row);
    const outcome = await fallback.fallBackToNextChannel(prisma, { shop, notificationId: text.id }, WHY, NOW);
    expect(outcome.kind).toBe(kind);
    expect((await rowsOf(shop, text.orderId)).map((entry) => [entry.channel, entry.reason])).toEqual([["SMS", reason]]);
  });

  it("a text not yet sent (a remembered landline) becomes SKIPPED with its code, in the caller's transaction", async () => {
    const shop = uniqueShop();
    const text = await textOf(shop, { email: "shopper@example.com" }, { status: "SENDING" });
    const outcome = await prisma.$transaction((tx) =>
      fallback.fallBackToNextChannel(tx, { shop, notificationId: text.id }, WHY, NOW, {
        status: "SKIPPED",
        errorCode: "30006",
      }),
    );
    expect(outcome.kind).toBe("FELL_BACK");
    expect((await rowsOf(shop, text.orderId)).map((row) => [row.channel, row.status, row.errorCode])).toEqual([
      ["SMS", "SKIPPED", "30006"],
      ["EMAIL", "SCHEDULED", null],
    ]);
  });

  it("another shop's notification is not found and not touched", async () => {
    const shop = uniqueShop();
    const text = await textOf(shop, { email: "shopper@example.com" }, { status: "SENDING" });
    const outcome = await fallback.fallBackToNextChannel(
      prisma,
      { shop: uniqueShop(), notificationId: text.id },
      WHY,
      NOW,
    );
    expect(outcome).toEqual({ kind: "NOT_FOUND" });
    expect((await rowsOf(shop, text.orderId)).map((row) => [row.channel, row.status])).toEqual([["SMS", "SENDING"]]);
  });
});
