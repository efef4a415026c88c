import { z } from "zod";
import { isForward, type NotificationStatusName } from "../sms/delivery-status";

/**
 * SendGrid's Event Webhook events as the app reads them, and what each one does to a customer
 * notification. Statuses move forward only: an event never takes back a delivery or a failure,
 * and a late "processed" or "deferred" changes nothing.
 */

/** One event; fields the app does not use are dropped. Custom args sit at the top level. */
export const sendGridEventSchema = z.object({
  event: z.string().min(1).max(64),
  sg_event_id: z.string().min(1).max(200).optional(),
  sg_message_id: z.string().max(500).optional(),
  // Unix seconds; bounded so that it is always a valid date.
  timestamp: z.number().int().nonnegative().max(99_999_999_999).optional(),
  email: z.string().max(320).optional(),
  reason: z.string().max(2000).optional(),
  // bounce: "bounce" or "blocked".
  type: z.string().max(64).optional(),
  asm_group_id: z.number().int().optional(),
  shop: z.string().max(255).optional(),
  notificationId: z.string().max(64).optional(),
});

export type SendGridEvent = z.infer<typeof sendGridEventSchema>;

/** A batch as posted: a JSON array of events, each read on its own (an odd one is skipped, not fatal). */
export type ParsedEventBatch = { ok: true; events: (SendGridEvent | null)[] } | { ok: false; problem: string };

export const MAX_EVENTS_PER_BATCH = 10_000;

export function parseEventBatch(body: string): ParsedEventBatch {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, problem: "The body is not JSON" };
  }
  if (!Array.isArray(value)) return { ok: false, problem: "The body is not a list of events" };
  if (value.length > MAX_EVENTS_PER_BATCH) return { ok: false, problem: "Too many events in one batch" };
  return {
    ok: true,
    events: value.map((item: unknown) => {
      const parsed = sendGridEventSchema.safeParse(item);
      return parsed.success ? parsed.data : null;
    }),
  };
}

/** The shops a batch's events name (their `shop` custom arg): whose keys may have signed it. */
export function shopsNamedIn(events: readonly (SendGridEvent | null)[]): string[] {
  return [...new Set(events.flatMap((event) => (event?.shop ? [event.shop] : [])))];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The notification an event is about, when it names a well-formed one. */
export function notificationIdOf(event: SendGridEvent): string | null {
  return event.notificationId && UUID.test(event.notificationId) ? event.notificationId.toLowerCase() : null;
}

/** SendGrid's X-Message-Id: the part of `sg_message_id` before its first dot. */
export function messageIdOf(event: SendGridEvent): string | null {
  const id = event.sg_message_id?.split(".")[0];
  return id ? id : null;
}

export type EmailOptOutKind = "SPAM_REPORT" | "UNSUBSCRIBED" | "GROUP_UNSUBSCRIBED";

export type EmailEventEffect =
  | { kind: "NONE" }
  | { kind: "DELIVERED" }
  | { kind: "FAILED"; errorCode: string; reason: string }
  | { kind: "OPTED_OUT"; optOut: EmailOptOutKind; asmGroupId: number | null }
  | { kind: "RESUBSCRIBED"; asmGroupId: number | null };

export function effectOfEmailEvent(event: SendGridEvent): EmailEventEffect {
  switch (event.event) {
    case "delivered":
      return { kind: "DELIVERED" };
    case "bounce": {
      const blocked = event.type === "blocked";
      return {
        kind: "FAILED",
        errorCode: blocked ? "BLOCKED" : "BOUNCE",
        reason: `${blocked ? "Blocked by the receiving server" : "Bounced"}${event.reason ? `: ${event.reason}` : ""}`,
      };
    }
    case "dropped":
      return {
        kind: "FAILED",
        errorCode: "DROPPED",
        reason: `Not sent by SendGrid${event.reason ? `: ${event.reason}` : ""}`,
      };
    case "spamreport":
      return { kind: "OPTED_OUT", optOut: "SPAM_REPORT", asmGroupId: null };
    case "unsubscribe":
      return { kind: "OPTED_OUT", optOut: "UNSUBSCRIBED", asmGroupId: null };
    case "group_unsubscribe":
      return { kind: "OPTED_OUT", optOut: "GROUP_UNSUBSCRIBED", asmGroupId: event.asm_group_id ?? null };
    case "group_resubscribe":
      return { kind: "RESUBSCRIBED", asmGroupId: event.asm_group_id ?? null };
    // processed, deferred (SendGrid keeps trying), open, click: no change to the notification.
    default:
      return { kind: "NONE" };
  }
}

/**
 * The status an event moves a notification to, or null when it moves nothing: only a delivery
 * or a failure, and only forward (the same order of statuses as Twilio's callbacks).
 */
export function statusAfterEmailEvent(
  current: NotificationStatusName,
  effect: EmailEventEffect,
): "DELIVERED" | "FAILED" | null {
  if (effect.kind !== "DELIVERED" && effect.kind !== "FAILED") return null;
  return isForward(current, effect.kind) ? effect.kind : null;
}
