/**
 * One shape for every message a vendor sandbox accepted, so the demo can show SMS, email and push
 * side by side in the order they were sent.
 */
export type OutboxChannel = "sms" | "email" | "push";

export type OutboxRecord = {
  channel: OutboxChannel;
  /** The vendor's id for the message (Twilio SID, SendGrid X-Message-Id, push notification id). */
  id: string;
  /** Phone number, email address or external user id. */
  to: string;
  from?: string;
  subject?: string;
  body: string;
  at: Date;
  /** The vendor's latest status word for the message ("queued", "delivered", "processed" …). */
  status: string;
  /** The request the app sent, as the vendor received it. */
  raw: unknown;
};

export interface OutboxSource {
  outbox(): OutboxRecord[];
}

/** Every source's records in one list, oldest first (stable for records sent in the same millisecond). */
export function mergedOutbox(...sources: OutboxSource[]): OutboxRecord[] {
  return sources
    .flatMap((source) => source.outbox())
    .map((record, index) => ({ record, index }))
    .sort((a, b) => a.record.at.getTime() - b.record.at.getTime() || a.index - b.index)
    .map(({ record }) => record);
}
