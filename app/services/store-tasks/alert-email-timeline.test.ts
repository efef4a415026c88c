import { describe, expect, it } from "vitest";
import { alertEmailTimelineStep, type AlertEmailStatus } from "./alert-email-timeline";

const queued: AlertEmailStatus = {
  recipient: "lincoln-park@windy-city.example",
  status: "PENDING",
  sentAt: null,
  error: null,
  createdAt: new Date("2026-11-27T16:42:00Z"),
};
const sentAt = new Date("2026-11-27T16:42:03Z");

describe("the store email on the order's timeline", () => {
  it("says the store was emailed, to which address, when it went", () => {
    expect(alertEmailTimelineStep({ ...queued, status: "SENT", sentAt })).toEqual({
      label: "Store emailed (lincoln-park@windy-city.example)",
      at: sentAt,
      problem: false,
    });
    expect(alertEmailTimelineStep(queued)).toEqual({
      label: "Emailing the store (lincoln-park@windy-city.example)",
      at: queued.createdAt,
      problem: false,
    });
  });

  it("shows a failed or unknown send as a problem, with SendGrid's words", () => {
    const failed = { ...queued, sentAt, error: "Does not contain a valid address." };
    expect(alertEmailTimelineStep({ ...failed, status: "FAILED" })).toEqual({
      label: "Store email failed: Does not contain a valid address.",
      at: sentAt,
      problem: true,
    });
    expect(
      alertEmailTimelineStep({ ...failed, status: "UNKNOWN", error: "SendGrid did not answer within 10 s" }),
    ).toEqual({
      label: "Store email may not have arrived: SendGrid did not answer within 10 s",
      at: sentAt,
      problem: true,
    });
  });
});
