import type { OrderDeliveryMethod, Prisma, RoutingDecisionStatus } from "@prisma/client";
import prisma from "~/db.server";
import { routeOrder, explainDecision, type RoutingDecision } from "~/domain/routing";
import { parseDraftOrder, type DraftOrderErrors, type DraftOrderForm } from "~/domain/routing-settings/draft-order";
import { parseSettingsForm, type FieldErrors, type SettingsForm } from "~/domain/routing-settings/parse-settings";
import { engineOrderOfRecorded } from "~/domain/routing-settings/recorded-order";
import { engineRules, serviceLevelFor, type RoutingSettings } from "~/domain/routing-settings/settings";
import { readStoredSettings } from "~/domain/routing-settings/stored-settings";
import {
  compareWithLiveRules,
  type DecisionSummary,
  type TryComparison,
} from "~/domain/routing-settings/try-comparison";
import { listLiveLocations } from "~/models/locations.server";
import { findOrderFacts, listRecentOrderFacts } from "~/models/routed-orders.server";
import { assignedLocationIds, findDecision, findDecisionsOfOrders } from "~/models/routing-decisions.server";
import {
  appendRoutingSettingsVersion,
  latestRoutingSettings,
  listRoutingSettingsVersions,
} from "~/models/routing-settings.server";
import { routingLocationsFor } from "~/services/routing/routing-view.server";

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

/** A recorded order the "try it" panel offers to route under the draft rules. */
export interface RecentOrderOption {
  orderId: string;
  /** "#1001" */
  name: string;
  placedAt: string;
  /** Null until the app has learnt it. */
  deliveryMethod: OrderDeliveryMethod | null;
  /** Where its stored decision sent it; null when it has not been routed. */
  decision: { status: RoutingDecisionStatus; locationNames: string[] } | null;
}

/** How many of the shop's latest orders the "try it" panel offers. */
export const RECENT_ORDERS_OFFERED = 20;

export interface SettingsPage {
  current: RoutingSettings;
  version: number | null;
  history: SettingsVersionSummary[];
  places: PlaceOption[];
  recentOrders: RecentOrderOption[];
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

function namesOf(places: readonly PlaceOption[]): (id: string) => string {
  const names = new Map(places.map((place) => [place.id, place.name]));
  return (id) => names.get(id) ?? id;
}

/** The shop's latest orders the app holds facts for (not cancelled), with where each went. */
async function recentOrdersOf(shop: string, places: readonly PlaceOption[]): Promise<RecentOrderOption[]> {
  const orders = await listRecentOrderFacts(prisma, shop, RECENT_ORDERS_OFFERED);
  const decisions = await findDecisionsOfOrders(
    prisma,
    shop,
    orders.map((order) => order.orderId),
  );
  const decisionOf = new Map(decisions.map((decision) => [decision.orderId, decision]));
  const nameOf = namesOf(places);
  return orders.map((order) => {
    const decision = decisionOf.get(order.orderId);
    return {
      orderId: order.orderId,
      name: order.name,
      placedAt: order.placedAt.toISOString(),
      deliveryMethod: order.deliveryMethod,
      decision: decision
        ? { status: decision.status, locationNames: assignedLocationIds(decision.assignments).map(nameOf) }
        : null,
    };
  });
}

export async function loadSettingsPage(shop: string): Promise<SettingsPage> {
  const [{ settings, version }, versions, places] = await Promise.all([
    currentRoutingSettings(shop),
    listRoutingSettingsVersions(prisma, shop),
    placesOf(shop),
  ]);
  const recentOrders = await recentOrdersOf(shop, places);
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
    recentOrders,
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

/** The hand-made order's fields, or `orderId` for a recent order. */
export type TryOrderErrors = DraftOrderErrors & { orderId?: string };

export type TryOutcome =
  | {
      ok: true;
      decision: RoutingDecision;
      explanation: string[];
      /** For a recent order: where it went and where the live rules would send it now. */
      comparison: TryComparison | null;
    }
  | { ok: false; settingsErrors: FieldErrors; orderErrors: TryOrderErrors };

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
  const locations = await routingLocationsFor(
    prisma,
    shop,
    draft.order.lines.map((line) => line.sku),
    now,
  );
  const decision = routeOrder({ order: draft.order, locations, rules: engineRules(settings.settings) });
  const names = Object.fromEntries(places.map((place) => [place.id, place.name]));
  return { ok: true, decision, explanation: explainDecision(decision, { names }), comparison: null };
}

function summaryOf(
  decision: Pick<RoutingDecision, "status" | "assignments">,
  nameOf: (id: string) => string,
): DecisionSummary {
  return {
    status: decision.status,
    locations: decision.assignments.map((assignment) => ({
      id: assignment.locationId,
      name: nameOf(assignment.locationId),
    })),
  };
}

const UNKNOWN_ORDER = "Omniroute has no record of that order in this shop: choose one of your recent orders";

/**
 * Routes one of the shop's recorded orders under the draft settings against the live inventory
 * mirror, as the routing job builds it (engineOrderOfRecorded), and explains the decision next to
 * the order's stored decision and where the live rules would send it against the same stock.
 * Nothing is stored, no job is queued and Shopify is not called.
 */
export async function tryRecentOrder(
  shop: string,
  settingsForm: SettingsForm,
  orderId: string | undefined,
  now: Date,
): Promise<TryOutcome> {
  const settings = parseSettingsForm(settingsForm);
  const refuse = (orderErrors: TryOrderErrors): TryOutcome => ({
    ok: false,
    settingsErrors: settings.ok ? {} : settings.errors,
    orderErrors,
  });
  const id = orderId?.trim() ?? "";
  if (id === "") return refuse({ orderId: "Choose one of your recent orders" });
  if (id.length > 64) return refuse({ orderId: UNKNOWN_ORDER });
  const facts = await findOrderFacts(prisma, shop, id);
  if (!facts) return refuse({ orderId: UNKNOWN_ORDER });
  if (facts.cancelledAt) return refuse({ orderId: `${facts.name} was cancelled: it is not routed` });

  const [live, places, locations, recorded] = await Promise.all([
    currentRoutingSettings(shop),
    placesOf(shop),
    routingLocationsFor(prisma, shop, [...new Set(facts.lines.map((line) => line.sku))], now, id),
    findDecision(prisma, shop, id),
  ]);
  const underDraft = engineOrderOfRecorded(facts, settings.ok ? settings.settings : live.settings, locations).order;
  if (underDraft === null) {
    return refuse({
      orderId: `${facts.name} has no destination (shipping address coordinates or pickup store) or no items with a SKU, so it cannot be routed`,
    });
  }
  if (!settings.ok) return refuse({});

  const decision = routeOrder({ order: underDraft, locations, rules: engineRules(settings.settings) });
  const nameOf = namesOf(places);
  const names = Object.fromEntries(places.map((place) => [place.id, place.name]));
  const underLive = engineOrderOfRecorded(facts, live.settings, locations).order;
  const liveDecision = underLive && routeOrder({ order: underLive, locations, rules: engineRules(live.settings) });
  const comparison = liveDecision
    ? compareWithLiveRules({
        orderName: facts.name,
        recorded: recorded
          ? {
              status: recorded.status,
              locations: assignedLocationIds(recorded.assignments).map((locationId) => ({
                id: locationId,
                name: nameOf(locationId),
              })),
              decidedAt: recorded.decidedAt,
              settingsVersion: recorded.settingsVersion,
            }
          : null,
        live: { ...summaryOf(liveDecision, nameOf), settingsVersion: live.version },
        draft: summaryOf(decision, nameOf),
      })
    : null;
  return {
    ok: true,
    decision,
    // Merchants know an order by its name (#1001), not its id.
    explanation: explainDecision({ ...decision, orderId: facts.name }, { names }),
    comparison,
  };
}
