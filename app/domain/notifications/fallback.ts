import { SKIP_REASONS, unreachableReason, type ShopperReach, type SkipReason } from "./schedule";
import type { NotificationSettings } from "./settings";
import { cadenceStep, type CadenceStepKey, type NotificationChannel } from "./steps";

/**
 * A channel that could not reach the shopper (a text to a landline, a push with no device): the
 * step's message goes by the next channel the merchant chose for it, in their order of
 * preference, that the shopper can be reached on. Never by a channel whose news Shopify already
 * gives the shopper (its emails for the confirmation, ready and shipping news; its texts to a
 * shopper who checked out with a phone): the app never repeats Shopify.
 */

export const NO_FALLBACK_REASONS = {
  ...SKIP_REASONS,
  NO_OTHER_CHANNEL: "No other channel is chosen for this message",
} as const;
export type NoFallbackReason = keyof typeof NO_FALLBACK_REASONS;

export interface FallbackQuestion {
  readonly step: CadenceStepKey;
  readonly settings: NotificationSettings;
  /** The channel that could not reach the shopper. */
  readonly failedChannel: NotificationChannel;
  readonly reach: ShopperReach;
}

export interface PassedOverChannel {
  readonly channel: NotificationChannel;
  readonly reason: SkipReason;
}

export type FallbackDecision =
  | { readonly channel: NotificationChannel; readonly passedOver: readonly PassedOverChannel[] }
  | { readonly channel: null; readonly reason: NoFallbackReason; readonly passedOver: readonly PassedOverChannel[] };

/** The channels after `failed` in the merchant's order; all the others when it is no longer among them. */
function channelsAfter(channels: readonly NotificationChannel[], failed: NotificationChannel): NotificationChannel[] {
  const at = channels.indexOf(failed);
  return at === -1 ? channels.filter((channel) => channel !== failed) : channels.slice(at + 1);
}

/** Shopify gives the shopper this step's news on `channel` by itself. */
function coveredByShopify(step: CadenceStepKey, channel: NotificationChannel, reach: ShopperReach): boolean {
  if (!cadenceStep(step).sameNewsAsShopify) return false;
  return channel === "EMAIL" || (channel === "SMS" && reach.shopifyTextsShopper);
}

/** Which channel the step's message goes by now that `failedChannel` could not reach the shopper, or why none. */
export function nextChannelAfter(question: FallbackQuestion): FallbackDecision {
  const { step, settings, failedChannel, reach } = question;
  const stepSettings = settings.steps[step];
  if (!stepSettings.enabled) return { channel: null, reason: "STEP_OFF", passedOver: [] };
  const passedOver: PassedOverChannel[] = [];
  for (const channel of channelsAfter(stepSettings.channels, failedChannel)) {
    const reason = coveredByShopify(step, channel, reach) ? "SENT_BY_SHOPIFY" : unreachableReason(channel, reach);
    if (!reason) return { channel, passedOver };
    passedOver.push({ channel, reason });
  }
  const first = passedOver[0];
  return { channel: null, reason: first ? first.reason : "NO_OTHER_CHANNEL", passedOver };
}

const CHANNEL_WORDS: Record<NotificationChannel, string> = { SMS: "text", EMAIL: "email", PUSH: "push notification" };

/**
 * What the message that could not go says on the order page: why, and what came of it
 * ("Undeliverable by text: Landline (30006) — sent by email instead").
 */
export function fallbackReasonText(why: string, decision: FallbackDecision): string {
  if (decision.channel) return `${why} — sent by ${CHANNEL_WORDS[decision.channel]} instead`;
  return `${why} — not sent another way: ${NO_FALLBACK_REASONS[decision.reason]}`;
}
