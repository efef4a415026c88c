/**
 * What a Twilio status callback means for a notification. Twilio's statuses go queued/accepted →
 * sending → sent → delivered | undelivered | failed; callbacks can arrive late, out of order or
 * twice, so a notification only ever moves forward and a final status is never undone.
 */

/** NotificationStatus (prisma/schema.prisma), as the domain names it. */
export type NotificationStatusName =
  "SCHEDULED" | "SENDING" | "SENT" | "DELIVERED" | "FAILED" | "UNKNOWN" | "CANCELLED" | "SKIPPED";

export const TWILIO_MESSAGE_STATUSES = [
  "accepted",
  "scheduled",
  "queued",
  "sending",
  "sent",
  "delivered",
  "read",
  "undelivered",
  "failed",
  "canceled",
] as const;

export type TwilioMessageStatus = (typeof TWILIO_MESSAGE_STATUSES)[number];

/** The notification status a Twilio message status amounts to. */
export function notificationStatusForTwilio(status: TwilioMessageStatus): NotificationStatusName {
  switch (status) {
    case "delivered":
    case "read":
      return "DELIVERED";
    case "undelivered":
    case "failed":
    case "canceled":
      return "FAILED";
    default:
      // Twilio has the message: it is on its way, whichever step it is at.
      return "SENT";
  }
}

// UNKNOWN sits with SENDING: a callback is exactly what settles an ambiguous send.
const RANK: Record<NotificationStatusName, number> = {
  SCHEDULED: 0,
  SENDING: 1,
  UNKNOWN: 1,
  SENT: 2,
  DELIVERED: 3,
  FAILED: 3,
  CANCELLED: 3,
  SKIPPED: 3,
};

/** The statuses a notification may be in for `next` to be a step forward. */
export function statusesBefore(next: NotificationStatusName): NotificationStatusName[] {
  return (Object.keys(RANK) as NotificationStatusName[]).filter((status) => RANK[status] < RANK[next]);
}

export function isForward(current: NotificationStatusName, next: NotificationStatusName): boolean {
  return RANK[current] < RANK[next];
}
