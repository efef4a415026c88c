import { prisma } from "~/db.server";
import type { TwilioAccount } from "~/integrations/twilio/twilio-messaging.server";
import type { OneSignalAccount } from "~/integrations/onesignal/onesignal-push.server";
import {
  findOneSignalAccount,
  findTwilioAccount,
  findTwilioAccountsBySid,
  resealSecret,
  saveOneSignalAccount,
  saveTwilioAccount,
  type StoredTwilioAccount,
} from "~/models/messaging-accounts.server";
import { openCredential, sealCredential } from "~/services/secrets/credentials-keys.server";
import { maskSecret } from "~/services/secrets/sealed-secrets.server";

/**
 * A shop's Twilio account (and its OneSignal app, for push) as the app uses it: the secret sealed
 * on save, opened only to send or to check a signature, and shown back to the merchant as its
 * last four characters.
 */

export interface ShopTwilioAccount extends TwilioAccount {
  shop: string;
  smsHelpText: string | null;
}

export interface TwilioAccountInput {
  accountSid: string;
  /** Empty or undefined keeps the token already saved. */
  authToken?: string;
  messagingServiceSid: string | null;
  smsHelpText: string | null;
}

export async function saveShopTwilioAccount(shop: string, input: TwilioAccountInput): Promise<void> {
  await saveTwilioAccount(prisma, shop, {
    accountSid: input.accountSid,
    ...(input.authToken ? { authTokenSealed: sealCredential(input.authToken) } : {}),
    messagingServiceSid: input.messagingServiceSid,
    smsHelpText: input.smsHelpText,
  });
}

/** What the settings page shows: never the token, only "…1a2b". */
export async function shopTwilioAccountForDisplay(shop: string) {
  const stored = await findTwilioAccount(prisma, shop);
  if (!stored) return null;
  const opened = openCredential(stored.authTokenSealed);
  return {
    accountSid: stored.accountSid,
    authTokenMasked: opened.ok ? maskSecret(opened.plaintext) : null,
    // A token no key opens (a lost or wrong CREDENTIALS_KEY) must be entered again.
    authTokenUnreadable: !opened.ok,
    messagingServiceSid: stored.messagingServiceSid,
    smsHelpText: stored.smsHelpText,
  };
}

async function opened(stored: StoredTwilioAccount): Promise<ShopTwilioAccount | null> {
  const token = openCredential(stored.authTokenSealed);
  if (!token.ok) {
    console.error(`sms: the Twilio auth token of ${stored.shop} cannot be opened (${token.reason}); enter it again`);
    return null;
  }
  // Sealed before the last key rotation: sealed again now, so the old key can be retired.
  if (token.sealedWithPrevious) {
    await resealSecret(
      prisma,
      stored.shop,
      "twilioAuthTokenSealed",
      stored.authTokenSealed,
      sealCredential(token.plaintext),
    );
  }
  return {
    shop: stored.shop,
    accountSid: stored.accountSid,
    authToken: token.plaintext,
    messagingServiceSid: stored.messagingServiceSid,
    smsHelpText: stored.smsHelpText,
  };
}

/** The shop's Twilio account, ready to send from; null when it has none (or its token cannot be opened). */
export async function shopTwilioAccount(shop: string): Promise<ShopTwilioAccount | null> {
  const stored = await findTwilioAccount(prisma, shop);
  return stored ? opened(stored) : null;
}

/**
 * The shop an inbound text is for: the one using this Twilio account, told apart by Messaging
 * Service when several share it. Null when none is, or when several are and the text does not
 * say which.
 */
export async function shopTwilioAccountForInbound(
  accountSid: string,
  messagingServiceSid: string | null,
): Promise<{ account: ShopTwilioAccount; ambiguous: boolean } | null> {
  const candidates = await findTwilioAccountsBySid(prisma, accountSid);
  const byService = messagingServiceSid
    ? candidates.filter((candidate) => candidate.messagingServiceSid === messagingServiceSid)
    : [];
  const matching = byService.length > 0 ? byService : candidates;
  const [first] = matching;
  if (!first) return null;
  const account = await opened(first);
  return account ? { account, ambiguous: matching.length > 1 } : null;
}

export interface OneSignalAccountInput {
  appId: string;
  /** Empty or undefined keeps the key already saved. */
  restApiKey?: string;
}

export async function saveShopOneSignalAccount(shop: string, input: OneSignalAccountInput): Promise<void> {
  await saveOneSignalAccount(prisma, shop, {
    appId: input.appId,
    ...(input.restApiKey ? { restApiKeySealed: sealCredential(input.restApiKey) } : {}),
  });
}

/** What the settings page shows: the app id, and the REST API key only as "…1a2b". */
export async function shopOneSignalAccountForDisplay(shop: string) {
  const stored = await findOneSignalAccount(prisma, shop);
  if (!stored) return null;
  const key = openCredential(stored.restApiKeySealed);
  return {
    appId: stored.appId,
    restApiKeyMasked: key.ok ? maskSecret(key.plaintext) : null,
    // A key no credentials key opens (a lost or wrong CREDENTIALS_KEY) must be entered again.
    restApiKeyUnreadable: !key.ok,
  };
}

/** The shop's OneSignal app, ready to send from; null when it has none (or its key cannot be opened). */
export async function shopOneSignalAccount(shop: string): Promise<OneSignalAccount | null> {
  const stored = await findOneSignalAccount(prisma, shop);
  if (!stored) return null;
  const key = openCredential(stored.restApiKeySealed);
  if (!key.ok) {
    console.error(`push: the OneSignal REST API key of ${shop} cannot be opened (${key.reason}); enter it again`);
    return null;
  }
  if (key.sealedWithPrevious) {
    await resealSecret(
      prisma,
      shop,
      "onesignalRestApiKeySealed",
      stored.restApiKeySealed,
      sealCredential(key.plaintext),
    );
  }
  return { appId: stored.appId, restApiKey: key.plaintext };
}
