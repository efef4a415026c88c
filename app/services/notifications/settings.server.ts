import prisma from "~/db.server";
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  NOTIFICATION_SETTINGS_LIMITS,
  ordersToAutoCancel,
  type NotificationSettings,
} from "~/domain/notifications";
import type {
  CadenceForm,
  CadenceFormField,
  SenderAccountField,
  SenderAccountsDisplay,
  SenderAccountsForm,
} from "~/domain/notifications/settings-form";
import { parseCadenceForm, parseSenderAccountsForm } from "~/domain/notifications/settings-form-parse";
import type { FieldErrors } from "~/domain/form-result";
import { findSendGridAccount, saveSendGridAccount } from "~/models/messaging-accounts.server";
import {
  findNotificationSettings,
  readyPickupOrdersSince,
  upsertNotificationSettings,
  type ReadyPickupOrder,
} from "~/models/notification-settings.server";
import {
  saveShopOneSignalAccount,
  saveShopTwilioAccount,
  shopOneSignalAccountForDisplay,
  shopTwilioAccountForDisplay,
} from "~/services/notifications/sms/messaging-account.server";
import { openCredential, sealCredential } from "~/services/secrets/credentials-keys.server";
import { maskSecret } from "~/services/secrets/sealed-secrets.server";

/**
 * The Notifications page's settings: the cadence and its policies (saved whole, with who saved
 * them), the uncollected orders an auto-cancel policy would cancel, and the shop's sender accounts
 * (secrets sealed on the way in, shown back masked only).
 */

export interface CurrentNotificationSettings {
  settings: NotificationSettings;
  /** When and by whom they were saved; null while the defaults apply. */
  saved: { at: Date; by: string | null } | null;
}

export async function currentNotificationSettings(shop: string): Promise<CurrentNotificationSettings> {
  const saved = await findNotificationSettings(prisma, shop);
  return saved
    ? { settings: saved.settings, saved: { at: saved.updatedAt, by: saved.updatedBy } }
    : { settings: DEFAULT_NOTIFICATION_SETTINGS, saved: null };
}

const DAY_MS = 24 * 60 * 60_000;

/** The pickup orders ready at least the shortest auto-cancel period: what any policy could cancel now. */
export function pickupOrdersAutoCancelMayWeigh(shop: string, now: Date): Promise<ReadyPickupOrder[]> {
  return readyPickupOrdersSince(
    prisma,
    shop,
    new Date(now.getTime() - NOTIFICATION_SETTINGS_LIMITS.uncollectedDays.min * DAY_MS),
  );
}

export type SaveNotificationSettingsOutcome =
  { ok: true; settings: NotificationSettings } | { ok: false; errors: FieldErrors<CadenceFormField> };

function autoCancelUnconfirmed(count: number, confirmed: number | null): string {
  const orders = count === 1 ? "1 order" : `${count} orders`;
  return confirmed === null
    ? `Turning this on cancels ${orders} now: review the list below, then save again`
    : `The orders it would cancel changed (now ${orders}): review the list below, then save again`;
}

/**
 * Saves the cadence form whole, or returns each field's error and saves nothing. Turning
 * auto-cancel on (or changing its days while on) saves only when the page listed exactly the
 * orders it would cancel now.
 */
export async function saveNotificationSettings(
  shop: string,
  form: CadenceForm,
  by: string | null,
  now: Date,
): Promise<SaveNotificationSettingsOutcome> {
  const parsed = parseCadenceForm(form);
  if (!parsed.ok) return parsed;
  const { settings, autoCancelConfirmedCount } = parsed.values;
  const before = (await currentNotificationSettings(shop)).settings.uncollected;
  const policy = settings.uncollected;
  if (policy.autoCancel && (!before.autoCancel || before.days !== policy.days)) {
    const cancelled = ordersToAutoCancel(await pickupOrdersAutoCancelMayWeigh(shop, now), policy, now);
    if (cancelled.length !== autoCancelConfirmedCount) {
      return { ok: false, errors: { autoCancel: autoCancelUnconfirmed(cancelled.length, autoCancelConfirmedCount) } };
    }
  }
  const saved = await upsertNotificationSettings(prisma, shop, settings, by);
  return { ok: true, settings: saved.settings };
}

export async function senderAccountsForDisplay(shop: string): Promise<SenderAccountsDisplay> {
  const [twilio, sendgrid, onesignal] = await Promise.all([
    shopTwilioAccountForDisplay(shop),
    findSendGridAccount(prisma, shop),
    shopOneSignalAccountForDisplay(shop),
  ]);
  const apiKey = sendgrid ? openCredential(sendgrid.apiKeySealed) : null;
  return {
    twilio,
    sendgrid: sendgrid
      ? {
          apiKeyMasked: apiKey?.ok ? maskSecret(apiKey.plaintext) : null,
          // A key no credentials key opens (a lost or wrong CREDENTIALS_KEY) must be entered again.
          apiKeyUnreadable: !apiKey?.ok,
          fromEmail: sendgrid.fromEmail,
          fromName: sendgrid.fromName,
          reminderGroupId: sendgrid.reminderGroupId,
          feedbackGroupId: sendgrid.feedbackGroupId,
        }
      : null,
    onesignal,
  };
}

export type SaveSenderAccountsOutcome = { ok: true } | { ok: false; errors: FieldErrors<SenderAccountField> };

/** Saves the sender accounts the form fills in; a blank secret keeps the saved one, a blank section is left as it is. */
export async function saveSenderAccounts(shop: string, form: SenderAccountsForm): Promise<SaveSenderAccountsOutcome> {
  const [display, sendgrid] = await Promise.all([senderAccountsForDisplay(shop), findSendGridAccount(prisma, shop)]);
  const parsed = parseSenderAccountsForm(form, {
    twilioAuthToken: Boolean(display.twilio && !display.twilio.authTokenUnreadable),
    sendgridApiKey: Boolean(display.sendgrid && !display.sendgrid.apiKeyUnreadable),
    onesignalRestApiKey: Boolean(display.onesignal && !display.onesignal.restApiKeyUnreadable),
  });
  if (!parsed.ok) return parsed;
  const changes = parsed.values;
  if (changes.twilio) await saveShopTwilioAccount(shop, changes.twilio);
  if (changes.onesignal) await saveShopOneSignalAccount(shop, changes.onesignal);
  if (changes.sendgrid) {
    await saveSendGridAccount(prisma, shop, {
      ...(changes.sendgrid.apiKey ? { apiKeySealed: sealCredential(changes.sendgrid.apiKey) } : {}),
      fromEmail: changes.sendgrid.fromEmail,
      fromName: changes.sendgrid.fromName,
      reminderGroupId: changes.sendgrid.reminderGroupId,
      feedbackGroupId: changes.sendgrid.feedbackGroupId,
      // Read from SendGrid's Event Webhook settings, not typed here: kept as saved.
      eventPublicKey: sendgrid?.eventPublicKey ?? null,
    });
  }
  return { ok: true };
}
