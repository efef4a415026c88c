import type { Prisma } from "@prisma/client";

import { sqlRows, type Db as SqlDb } from "~/db/sql.server";

type Db = Prisma.TransactionClient;

/**
 * A shop's own messaging accounts (ShopMessagingAccount): Twilio for SMS, SendGrid for email, OneSignal for push.
 * Secrets arrive here sealed (app/services/secrets) and leave sealed: opening them, and showing
 * them masked, is the services' work. Every query names the shop, except the lookup by Twilio
 * account SID, which is how an inbound text finds its shop.
 */

export interface StoredTwilioAccount {
  shop: string;
  accountSid: string;
  authTokenSealed: string;
  messagingServiceSid: string | null;
  smsHelpText: string | null;
}

export interface StoredSendGridAccount {
  shop: string;
  apiKeySealed: string;
  fromEmail: string | null;
  fromName: string | null;
  eventPublicKey: string | null;
  /** Unsubscribe groups: reminders, and feedback requests (app/domain/notifications/suppression-groups.ts). */
  reminderGroupId: number | null;
  feedbackGroupId: number | null;
}

const twilioColumns = {
  shop: true,
  twilioAccountSid: true,
  twilioAuthTokenSealed: true,
  twilioMessagingServiceSid: true,
  smsHelpText: true,
} as const;

type TwilioRow = Prisma.ShopMessagingAccountGetPayload<{ select: typeof twilioColumns }>;

function twilioAccountOf(row: TwilioRow | null): StoredTwilioAccount | null {
  if (!row?.twilioAccountSid || !row.twilioAuthTokenSealed) return null;
  return {
    shop: row.shop,
    accountSid: row.twilioAccountSid,
    authTokenSealed: row.twilioAuthTokenSealed,
    messagingServiceSid: row.twilioMessagingServiceSid,
    smsHelpText: row.smsHelpText,
  };
}

/** The shop's Twilio account; null until it has both an account SID and an auth token. */
export async function findTwilioAccount(db: Db, shop: string): Promise<StoredTwilioAccount | null> {
  return twilioAccountOf(await db.shopMessagingAccount.findUnique({ where: { shop }, select: twilioColumns }));
}

/** The shops that send from this Twilio account (usually one; a shared account tells them apart by Messaging Service). */
export async function findTwilioAccountsBySid(db: Db, accountSid: string): Promise<StoredTwilioAccount[]> {
  const rows = await db.shopMessagingAccount.findMany({
    where: { twilioAccountSid: accountSid },
    select: twilioColumns,
    orderBy: { shop: "asc" },
    // More shops than this on one account cannot be told apart anyway.
    take: 50,
  });
  return rows.flatMap((row) => twilioAccountOf(row) ?? []);
}

export interface TwilioAccountChanges {
  accountSid: string;
  /** Undefined keeps the stored token (the settings form shows it masked and sends it back empty). */
  authTokenSealed?: string;
  messagingServiceSid: string | null;
  smsHelpText: string | null;
}

export async function saveTwilioAccount(db: Db, shop: string, changes: TwilioAccountChanges): Promise<void> {
  const data = {
    twilioAccountSid: changes.accountSid,
    twilioMessagingServiceSid: changes.messagingServiceSid,
    smsHelpText: changes.smsHelpText,
    ...(changes.authTokenSealed === undefined ? {} : { twilioAuthTokenSealed: changes.authTokenSealed }),
  };
  await db.shopMessagingAccount.upsert({ where: { shop }, create: { shop, ...data }, update: data });
}

const sendGridColumns = {
  shop: true,
  sendgridApiKeySealed: true,
  sendgridFromEmail: true,
  sendgridFromName: true,
  sendgridEventPublicKey: true,
  sendgridReminderGroupId: true,
  sendgridFeedbackGroupId: true,
} as const;

/** The shop's SendGrid account; null until it has an API key. */
export async function findSendGridAccount(db: Db, shop: string): Promise<StoredSendGridAccount | null> {
  const row = await db.shopMessagingAccount.findUnique({ where: { shop }, select: sendGridColumns });
  if (!row?.sendgridApiKeySealed) return null;
  return {
    shop: row.shop,
    apiKeySealed: row.sendgridApiKeySealed,
    fromEmail: row.sendgridFromEmail,
    fromName: row.sendgridFromName,
    eventPublicKey: row.sendgridEventPublicKey,
    reminderGroupId: row.sendgridReminderGroupId,
    feedbackGroupId: row.sendgridFeedbackGroupId,
  };
}

export interface SendGridAccountChanges {
  /** Undefined keeps the stored key. */
  apiKeySealed?: string;
  fromEmail: string | null;
  fromName: string | null;
  eventPublicKey: string | null;
  /** Undefined keeps the stored group. */
  reminderGroupId?: number | null;
  feedbackGroupId?: number | null;
}

export async function saveSendGridAccount(db: Db, shop: string, changes: SendGridAccountChanges): Promise<void> {
  const data = {
    sendgridFromEmail: changes.fromEmail,
    sendgridFromName: changes.fromName,
    sendgridEventPublicKey: changes.eventPublicKey,
    ...(changes.reminderGroupId === undefined ? {} : { sendgridReminderGroupId: changes.reminderGroupId }),
    ...(changes.feedbackGroupId === undefined ? {} : { sendgridFeedbackGroupId: changes.feedbackGroupId }),
    ...(changes.apiKeySealed === undefined ? {} : { sendgridApiKeySealed: changes.apiKeySealed }),
  };
  await db.shopMessagingAccount.upsert({ where: { shop }, create: { shop, ...data }, update: data });
}

export interface StoredOneSignalAccount {
  shop: string;
  appId: string;
  restApiKeySealed: string;
}

/** The shop's OneSignal app; null until it has both an app id and a REST API key. */
export async function findOneSignalAccount(db: SqlDb, shop: string): Promise<StoredOneSignalAccount | null> {
  const [row] = await sqlRows<{
    shop: string;
    onesignalAppId: string | null;
    onesignalRestApiKeySealed: string | null;
  }>(db, `SELECT "shop", "onesignalAppId", "onesignalRestApiKeySealed" FROM "ShopMessagingAccount" WHERE "shop" = $1`, [
    shop,
  ]);
  if (!row?.onesignalAppId || !row.onesignalRestApiKeySealed) return null;
  return { shop: row.shop, appId: row.onesignalAppId, restApiKeySealed: row.onesignalRestApiKeySealed };
}

export interface OneSignalAccountChanges {
  appId: string;
  /** Undefined keeps the stored key. */
  restApiKeySealed?: string;
}

export async function saveOneSignalAccount(db: Db, shop: string, changes: OneSignalAccountChanges): Promise<void> {
  const data = {
    onesignalAppId: changes.appId,
    ...(changes.restApiKeySealed === undefined ? {} : { onesignalRestApiKeySealed: changes.restApiKeySealed }),
  };
  await db.shopMessagingAccount.upsert({ where: { shop }, create: { shop, ...data }, update: data });
}

/**
 * Replaces a sealed secret with the same secret sealed under the current key, if it has not
 * changed meanwhile (a merchant saving a new token wins over the re-seal).
 */
export async function resealSecret(
  db: Db,
  shop: string,
  column: "twilioAuthTokenSealed" | "sendgridApiKeySealed" | "onesignalRestApiKeySealed",
  sealedBefore: string,
  sealedNow: string,
): Promise<void> {
  await db.shopMessagingAccount.updateMany({
    where: { shop, [column]: sealedBefore },
    data: { [column]: sealedNow },
  });
}
