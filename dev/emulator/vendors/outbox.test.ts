import { describe, expect, it } from "vitest";
import { mergedOutbox, type OutboxRecord } from "./outbox";

function record(channel: OutboxRecord["channel"], id: string, at: string): OutboxRecord {
  return { channel, id, to: "someone", body: id, at: new Date(at), status: "sent", raw: {} };
}

describe("mergedOutbox", () => {
  it("merges every vendor's records into one list, oldest first, keeping same-time records in source order", () => {
    const sms = {
      outbox: () => [record("sms", "sms-2", "2026-11-27T10:02:00Z"), record("sms", "sms-1", "2026-11-27T10:00:00Z")],
    };
    const email = { outbox: () => [record("email", "email-1", "2026-11-27T10:01:00Z")] };
    const push = { outbox: () => [record("push", "push-1", "2026-11-27T10:01:00Z")] };

    expect(mergedOutbox(sms, email, push).map((item) => item.id)).toEqual(["sms-1", "email-1", "push-1", "sms-2"]);
  });
});
