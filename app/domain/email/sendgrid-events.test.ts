import { describe, expect, it } from "vitest";
import {
  effectOfEmailEvent,
  messageIdOf,
  notificationIdOf,
  parseEventBatch,
  shopsNamedIn,
  statusAfterEmailEvent,
  type SendGridEvent,
} from "./sendgrid-events";

const NOTIFICATION = "8f14e45f-ceea-467a-9575-3bd7e1a1b5c2";
const base: SendGridEvent = {
  event: "delivered",
  sg_event_id: "ev1",
  shop: "a.myshopify.com",
  notificationId: NOTIFICATION,
};

describe("reading an Event Webhook batch", () => {
  it("reads each event on its own, keeping the fields it uses and custom args", () => {
    const batch = parseEventBatch(
      JSON.stringify([
        { ...base, email: "ada@example.com", timestamp: 1700000000, sg_message_id: "abc.filter-1.0", useragent: "x" },
        { event: 42 },
        "not an event",
        { ...base, timestamp: 1e300 },
      ]),
    );

    expect(batch).toEqual({
      ok: true,
      events: [
        {
          ...base,
          email: "ada@example.com",
          timestamp: 1700000000,
          sg_message_id: "abc.filter-1.0",
        },
        null,
        null,
        null,
      ],
    });
  });

  it("refuses a body that is not a JSON list", () => {
    expect(parseEventBatch("{not json")).toMatchObject({ ok: false });
    expect(parseEventBatch('{"event":"delivered"}')).toMatchObject({ ok: false });
    expect(parseEventBatch("null")).toMatchObject({ ok: false });
  });

  it("lists the shops the events name, once each", () => {
    expect(shopsNamedIn([base, { ...base, shop: "b.myshopify.com" }, { event: "open" }, null, base])).toEqual([
      "a.myshopify.com",
      "b.myshopify.com",
    ]);
  });

  it("takes a notification id only when it is a UUID, and the X-Message-Id from sg_message_id", () => {
    expect(notificationIdOf(base)).toBe(NOTIFICATION);
    expect(notificationIdOf({ ...base, notificationId: "1' OR '1'='1" })).toBeNull();
    expect(messageIdOf({ ...base, sg_message_id: "14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0" })).toBe(
      "14c5d75ce93",
    );
    expect(messageIdOf(base)).toBeNull();
  });
});

describe("what an event does to an email notification", () => {
  it("delivers on delivered, fails on bounce, blocked and dropped with SendGrid's reason", () => {
    expect(effectOfEmailEvent(base)).toEqual({ kind: "DELIVERED" });
    expect(effectOfEmailEvent({ ...base, event: "bounce", type: "bounce", reason: "550 5.1.1 no such user" })).toEqual({
      kind: "FAILED",
      errorCode: "BOUNCE",
      reason: "Bounced: 550 5.1.1 no such user",
    });
    expect(effectOfEmailEvent({ ...base, event: "bounce", type: "blocked" })).toMatchObject({ errorCode: "BLOCKED" });
    expect(effectOfEmailEvent({ ...base, event: "dropped", reason: "Unsubscribed Address" })).toEqual({
      kind: "FAILED",
      errorCode: "DROPPED",
      reason: "Not sent by SendGrid: Unsubscribed Address",
    });
  });

  it("changes nothing on processed, deferred, open and click", () => {
    for (const event of ["processed", "deferred", "open", "click", "something-new"]) {
      expect(effectOfEmailEvent({ ...base, event })).toEqual({ kind: "NONE" });
    }
  });

  it("records spam reports, unsubscribes and group unsubscribes with their group, and resubscribes", () => {
    expect(effectOfEmailEvent({ ...base, event: "spamreport" })).toEqual({
      kind: "OPTED_OUT",
      optOut: "SPAM_REPORT",
      asmGroupId: null,
    });
    expect(effectOfEmailEvent({ ...base, event: "unsubscribe" })).toMatchObject({ optOut: "UNSUBSCRIBED" });
    expect(effectOfEmailEvent({ ...base, event: "group_unsubscribe", asm_group_id: 7 })).toEqual({
      kind: "OPTED_OUT",
      optOut: "GROUP_UNSUBSCRIBED",
      asmGroupId: 7,
    });
    expect(effectOfEmailEvent({ ...base, event: "group_resubscribe", asm_group_id: 7 })).toEqual({
      kind: "RESUBSCRIBED",
      asmGroupId: 7,
    });
  });

  it("moves forward only: a sent or ambiguous email is settled, a final one never changes", () => {
    const delivered = { kind: "DELIVERED" } as const;
    const failed = { kind: "FAILED", errorCode: "BOUNCE", reason: "Bounced" } as const;

    expect(statusAfterEmailEvent("SENT", delivered)).toBe("DELIVERED");
    expect(statusAfterEmailEvent("UNKNOWN", failed)).toBe("FAILED");
    expect(statusAfterEmailEvent("SENDING", delivered)).toBe("DELIVERED");
    expect(statusAfterEmailEvent("DELIVERED", failed)).toBeNull();
    expect(statusAfterEmailEvent("FAILED", delivered)).toBeNull();
    expect(statusAfterEmailEvent("CANCELLED", delivered)).toBeNull();
    expect(statusAfterEmailEvent("SENT", { kind: "NONE" })).toBeNull();
  });
});
