import prisma, { sqlPool } from "~/db.server";
import { DEFAULT_ROUTING_SETTINGS, type RoutingSettings } from "~/domain/routing-settings/settings";
import { parseSettingsForm, type SettingsErrors } from "~/domain/routing-settings/parse-settings";
import type { SettingsForm } from "~/domain/routing-settings/settings-form";
import {
  appendRoutingSettingsVersion,
  latestRoutingSettings,
  type RoutingSettingsVersion,
} from "~/models/routing-settings.server";

/** The shop's routing settings: the version in force, and saving a new one. */

export interface CurrentRoutingSettings {
  settings: RoutingSettings;
  /** The saved version in force; null when the shop has never saved (the defaults apply). */
  version: number | null;
}

/** The shop's routing settings in force: its latest saved version, else the seed's defaults. */
export async function currentRoutingSettings(shop: string): Promise<CurrentRoutingSettings> {
  return routingSettingsInForce(await latestRoutingSettings(sqlPool, shop));
}

/** The settings in force given the shop's latest saved version (null: never saved, the defaults). */
export function routingSettingsInForce(latest: RoutingSettingsVersion | null): CurrentRoutingSettings {
  return latest
    ? { settings: latest.settings, version: latest.version }
    : { settings: DEFAULT_ROUTING_SETTINGS, version: null };
}

export type SaveOutcome = { ok: true; version: number } | { ok: false; errors: SettingsErrors };

/** Saves the form as a new version, or returns field errors and saves nothing. */
export async function saveRoutingSettings(
  shop: string,
  form: SettingsForm,
  changedBy: string | null,
): Promise<SaveOutcome> {
  const parsed = parseSettingsForm(form);
  if (!parsed.ok) return parsed;
  return { ok: true, version: await appendRoutingSettingsVersion(prisma, shop, parsed.values, changedBy) };
}
