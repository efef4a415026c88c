import { env } from "~/env.server";
import { twilioMessaging } from "~/integrations/twilio/twilio-from-environment.server";
import type { SmsSendOutcome, TwilioMessaging } from "~/integrations/twilio/twilio-messaging.server";
import { prisma } from "~/db.server";
import { recordSmsOptOut } from "~/models/sms-opt-outs.server";
import { shopTwilioAccount, type ShopTwilioAccount } from "./messaging-account.server";

/**
 * One text from a shop's own Twilio account, for one notification: its status callback carries
 * the notification's id (so the callback finds it, and a reconciliation can), and a 21610 refusal
 * takes the number off the shop's list at once. Whether to send, and what the notification
 * becomes, is the sending job's to decide with the outcome.
 */

export type ShopSmsOutcome = SmsSendOutcome | { kind: "NO_ACCOUNT" };

export interface ShopSms {
  shop: string;
  notificationId: string;
  /** E.164. */
  to: string;
  body: string;
  validityPeriodSeconds?: number;
}

/** Where Twilio reports on a notification's text: the public URL, as Twilio will sign it. */
export function statusCallbackUrlFor(notificationId: string): string {
  return `${env.SHOPIFY_APP_URL.replace(/\/+$/, "")}/webhooks/twilio/status?nid=${encodeURIComponent(notificationId)}`;
}

export async function sendShopSms(
  sms: ShopSms,
  {
    messaging = twilioMessaging(),
    now = new Date(),
    account: opened,
  }: {
    messaging?: TwilioMessaging;
    now?: Date;
    /** The shop's account when the caller opened it already (the sending job, once per batch). */
    account?: ShopTwilioAccount;
  } = {},
): Promise<ShopSmsOutcome> {
  const account = opened ?? (await shopTwilioAccount(sms.shop));
  if (!account) return { kind: "NO_ACCOUNT" };
  const outcome = await messaging.sendSms({
    account,
    to: sms.to,
    body: sms.body,
    statusCallbackUrl: statusCallbackUrlFor(sms.notificationId),
    ...(sms.validityPeriodSeconds === undefined ? {} : { validityPeriodSeconds: sms.validityPeriodSeconds }),
  });
  if (outcome.kind === "REFUSED" && outcome.optedOut) {
    await recordSmsOptOut(prisma, sms.shop, sms.to, "ERROR_21610", now);
  }
  return outcome;
}
