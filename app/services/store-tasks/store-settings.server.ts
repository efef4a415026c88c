import prisma, { sqlPool } from "~/db.server";
import { parseStoreSettingsForm, type StoreSettingsErrors } from "~/domain/store-tasks/parse-settings-form";
import type { StoreSettingsForm } from "~/domain/store-tasks/settings-form";
import { DEFAULT_STORE_SETTINGS, type StoreSettings } from "~/domain/store-tasks/settings";
import { findStoreSettings, upsertStoreSettings } from "~/models/store-settings.server";
import { storeEmailsUnavailableReason } from "./alert-email-availability.server";

/**
 * The merchant's store-fulfilment settings (pick target, alerts, ID check at handover, …): the
 * saved ones, or the defaults before the first save. POS requests read them with their store
 * (task-reads.server.ts storeOf, one round trip); everything else reads them here.
 */

export async function storeSettingsFor(shop: string): Promise<StoreSettings> {
  return storeSettingsInForce((await findStoreSettings(sqlPool, shop))?.settings ?? null);
}

/** The settings in force given the saved ones (null: never saved, the defaults). */
export function storeSettingsInForce(saved: StoreSettings | null): StoreSettings {
  return saved ?? DEFAULT_STORE_SETTINGS;
}

export interface CurrentStoreSettings {
  settings: StoreSettings;
  /** When and by whom they were saved; null while the defaults apply. */
  saved: { at: Date; by: string | null } | null;
}

export async function currentStoreSettings(shop: string): Promise<CurrentStoreSettings> {
  const saved = await findStoreSettings(prisma, shop);
  return saved
    ? { settings: saved.settings, saved: { at: saved.updatedAt, by: saved.updatedBy } }
    : { settings: DEFAULT_STORE_SETTINGS, saved: null };
}

export type SaveStoreSettingsOutcome =
  { ok: true; settings: StoreSettings } | { ok: false; errors: StoreSettingsErrors };

/** Saves the Stores page's form whole, or returns each field's error and saves nothing. */
export async function saveStoreSettings(
  shop: string,
  form: StoreSettingsForm,
  by: string | null,
): Promise<SaveStoreSettingsOutcome> {
  const parsed = parseStoreSettingsForm(form);
  if (!parsed.ok) return parsed;
  const emailsUnavailable = storeEmailsUnavailableReason();
  if (parsed.values.emailStoresOnNewTask && emailsUnavailable) {
    return { ok: false, errors: { emailStoresOnNewTask: emailsUnavailable } };
  }
  const saved = await upsertStoreSettings(prisma, shop, parsed.values, by);
  return { ok: true, settings: saved.settings };
}
