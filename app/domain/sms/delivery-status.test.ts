import { describe, expect, it } from "vitest";
import { isForward, notificationStatusForTwilio, statusesBefore } from "./delivery-status";

describe("Twilio statuses applied to a notification", () => {
  it("takes every step before delivery as sent, delivered and read as delivered, the rest as failed", () => {
    expect(["accepted", "queued", "sending", "sent"].map((s) => notificationStatusForTwilio(s as "sent"))).toEqual([
      "SENT",
      "SENT",
      "SENT",
      "SENT",
    ]);
    expect(notificationStatusForTwilio("delivered")).toBe("DELIVERED");
    expect(notificationStatusForTwilio("read")).toBe("DELIVERED");
    expect(notificationStatusForTwilio("undelivered")).toBe("FAILED");
    expect(notificationStatusForTwilio("failed")).toBe("FAILED");
  });

  it("moves forward only, and never out of a final status", () => {
    expect(isForward("SENDING", "SENT")).toBe(true);
    expect(isForward("UNKNOWN", "SENT")).toBe(true);
    expect(isForward("SENT", "DELIVERED")).toBe(true);
    expect(isForward("SENT", "FAILED")).toBe(true);
    expect(isForward("DELIVERED", "SENT")).toBe(false);
    expect(isForward("DELIVERED", "FAILED")).toBe(false);
    expect(isForward("FAILED", "DELIVERED")).toBe(false);
    expect(isForward("SENT", "SENT")).toBe(false);
    expect(isForward("CANCELLED", "DELIVERED")).toBe(false);
  });

  it("lists the statuses a move may start from", () => {
    expect(statusesBefore("SENT").sort()).toEqual(["SCHEDULED", "SENDING", "UNKNOWN"]);
    expect(statusesBefore("DELIVERED").sort()).toEqual(["SCHEDULED", "SENDING", "SENT", "UNKNOWN"]);
  });
});
