import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import { routeOrder, explainDecision, type RoutingDecision } from "~/domain/routing";
import { parseDraftOrder, type DraftOrderErrors, type DraftOrderForm } from "~/domain/routing-settings/draft-order";
import { parseSettingsForm, type FieldErrors, type SettingsForm } from "~/domain/routing-settings/parse-settings";
import { engineRules, serviceLevelFor, type RoutingSettings } from "~/domain/routing-settings/settings";
import { readStoredSettings } from "~/domain/routing-settings/stored-settings";
import { listLiveLocations } from "~/models/locations.server";
import {
  appendRoutingSettingsVersion,
  latestRoutingSettings,
  listRoutingSettingsVersions,
} from "~/models/routing-settings.server";
import { loadRoutingLocations } from "~/services/inventory/routing-locations.server";

export interface CurrentRoutingSettings {
  settings: RoutingSettings;
  /** The saved version in force; null when the shop has never saved (the defaults apply). */
  version: number | null;
}

/** The shop's routing settings in force: its latest saved version, else the seed's defaults. */
export async function currentRoutingSettings(shop: string): Promise<CurrentRoutingSettings> {
  const latest = await latestRoutingSettings(prisma, shop);
  return { settings: readStoredSettings(latest?.settings ?? null), version: latest?.version ?? null };
}

export interface SettingsVersionSummary {
  version: number;
  changedBy: string | null;
  changedAt: string;
  settings: RoutingSettings;
}

export interface PlaceOption {
  id: string;
  name: string;
  kind: "STORE" | "WAREHOUSE";
  pickupEnabled: boolean;
  lat: number;
  lng: number;
}

export interface SettingsPage {
  current: RoutingSettings;
  version: number | null;
  history: SettingsVersionSummary[];
  places: PlaceOption[];
}

async function placesOf(shop: string): Promise<PlaceOption[]> {
  const locations = await listLiveLocations(prisma, shop);
  return locations.flatMap((location) =>
    location.latitude === null || location.longitude === null || !location.profile
      ? []
      : [
          {
            id: location.locationId,
            name: location.name,
            kind: location.profile.kind,
            pickupEnabled: location.profile.pickupEnabledOverride ?? location.pickupEnabled,
            lat: location.latitude,
            lng: location.longitude,
          },
        ],
  );
}

export async function loadSettingsPage(shop: string): Promise<SettingsPage> {
  const [{ settings, version }, versions, places] = await Promise.all([
    currentRoutingSettings(shop),
    listRoutingSettingsVersions(prisma, shop),
    placesOf(shop),
  ]);
  return {
    current: settings,
    version,
    history: versions.map((stored) => ({
      version: stored.version,
      changedBy: stored.changedBy,
      changedAt: stored.changedAt.toISOString(),
      settings: readStoredSettings(stored.settings),
    })),
    places,
  };
}

export type SaveOutcome = { ok: true; version: number } | { ok: false; errors: FieldErrors };

/** Saves the form as a new version, or returns field errors and saves nothing. */
export async function saveRoutingSettings(
  shop: string,
  form: SettingsForm,
  changedBy: string | null,
): Promise<SaveOutcome> {
  const parsed = parseSettingsForm(form);
  if (!parsed.ok) return parsed;
  const version = await appendRoutingSettingsVersion(
    prisma,
    shop,
    parsed.settings as unknown as Prisma.InputJsonValue,
    changedBy,
  );
  return { ok: true, version };
}

export type TryOutcome =
  | { ok: true; decision: RoutingDecision; explanation: string[] }
  | { ok: false; settingsErrors: FieldErrors; orderErrors: DraftOrderErrors };

/**
 * Routes a hand-made order under the draft settings against the live inventory mirror, and
 * explains the decision. Nothing is stored and Shopify is not called.
 */
export async function tryRoutingSettings(
  shop: string,
  settingsForm: SettingsForm,
  orderForm: DraftOrderForm,
  now: Date,
): Promise<TryOutcome> {
  const settings = parseSettingsForm(settingsForm);
  const places = await placesOf(shop);
  const draft = parseDraftOrder(
    orderForm,
    places,
    (method, shippingMethod) =>
      serviceLevelFor(settings.ok ? settings.settings : readStoredSettings(null), method, { title: shippingMethod }),
    now,
  );
  if (!settings.ok || !draft.ok) {
    return { ok: false, settingsErrors: settings.ok ? {} : settings.errors, orderErrors: draft.ok ? {} : draft.errors };
  }
  const locations = await loadRoutingLocations(
    shop,
    draft.order.lines.map((line) => line.sku),
    now,
  );
  const decision = routeOrder({ order: draft.order, locations, rules: engineRules(settings.settings) });
  const names = Object.fromEntries(places.map((place) => [place.id, place.name]));
  return { ok: true, decision, explanation: explainDecision(decision, { names }) };
}
