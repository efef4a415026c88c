import type { CadenceStepKey } from "~/domain/notifications";

/**
 * The text of each cadence step sent by SMS: short (one or two segments), naming the shop first
 * (carriers and shoppers want the sender in the message), the store and its address where the
 * shopper has to go, and the pickup pass link. Pure: the facts are read by the caller.
 */

export interface SmsFacts {
  shopName: string;
  orderName: string;
  storeName: string | null;
  /** One line: "2001 N Clark St, Chicago, IL 60614". */
  storeAddress: string | null;
  pickupPassUrl: string | null;
  /** The merchant's feedback offer. */
  offer: string | null;
}

/** The texts whose news goes stale: Twilio drops them when they could not go out within the hour. */
export const TIME_SENSITIVE_SMS_STEPS: ReadonlySet<string> = new Set<CadenceStepKey>([
  "READY_SMS",
  "DELAY_NOTICE",
  "STORE_CHANGED",
  "OUT_FOR_DELIVERY_SMS",
]);

export const TIME_SENSITIVE_VALIDITY_SECONDS = 3600;

function where(facts: SmsFacts): string {
  if (!facts.storeName) return "";
  return facts.storeAddress ? ` at ${facts.storeName}, ${facts.storeAddress}` : ` at ${facts.storeName}`;
}

function pass(facts: SmsFacts, words = "Your pickup pass"): string {
  return facts.pickupPassUrl ? ` ${words}: ${facts.pickupPassUrl}` : "";
}

/** The text for `step`; null for a step the app does not text. */
export function smsTextFor(step: string, facts: SmsFacts): string | null {
  const order = `${facts.shopName}: your order ${facts.orderName}`;
  switch (step as CadenceStepKey) {
    case "CONFIRMATION_SMS":
      return `${order} is confirmed and being prepared${where(facts)}. We will text you when it is ready.${pass(facts)}`;
    case "READY_SMS":
      return `${order} is ready for pickup${where(facts)}.${pass(facts, "Show your pickup pass")} Reply HELP for support.`;
    case "PICKUP_REMINDER_PUSH":
    case "REMINDER_DAY_2":
    case "REMINDER_DAY_5":
      return `${order} is waiting for you${where(facts)}.${pass(facts)}`;
    case "EXPIRY_WARNING":
      return `${order} is still waiting${where(facts)}. Collect it by tomorrow or it will be cancelled and refunded.${pass(facts)}`;
    case "FEEDBACK_EMAIL":
      return `${facts.shopName}: thank you for picking up order ${facts.orderName}. How did it go? Just reply.${facts.offer ? ` ${facts.offer}` : ""}`;
    case "DELAY_NOTICE":
      return `${order} is taking longer than promised${where(facts)}. We will text you when it is ready.${pass(facts)}`;
    case "STORE_CHANGED":
      return `${order} moved: pick it up${where(facts)}.${pass(facts)}`;
    case "SHIPPED_SMS":
      return `${order} has shipped.`;
    case "OUT_FOR_DELIVERY_SMS":
      return `${order} is out for delivery today.`;
    case "DELIVERED_SMS":
      return `${order} was delivered. Thank you!`;
    case "CANCELLED_NOTICE":
      return `${order} was cancelled. Any payment is refunded.`;
    default:
      return null;
  }
}
