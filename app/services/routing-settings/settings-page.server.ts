import type { OrderDeliveryMethod, RoutingDecisionStatus } from "@prisma/client";
import prisma, { sqlPool } from "~/db.server";
import type { RouterColumn } from "~/domain/routing-comparison/comparison-report";
import type { RoutingSettings } from "~/domain/routing-settings/settings";
import { firstLocationChoice } from "~/domain/locations/location-search";
import { listRecentOrderFacts } from "~/models/routed-orders.server";
import { assignedLocationIds, findDecisionsOfOrders } from "~/models/routing-decisions.server";
import { listRoutingSettingsVersions } from "~/models/routing-settings.server";
import { listVersionComparisons } from "~/models/routing-comparisons.server";
import { shopTimeZone } from "~/services/shop/shop-time-zone.server";
import { listPlaces, namesOf, type PlaceOption } from "./places.server";
import { currentRoutingSettings } from "./settings.server";

/** What the routing rules page shows: the rules in force, their history, and what to try them on. */

export interface SettingsVersionSummary {
  version: number;
  changedBy: string | null;
  changedAt: string;
  settings: RoutingSettings;
  /** The "Compare with the last 30 days" this version was saved with, or null. */
  comparison: VersionComparisonSummary | null;
}

/** The totals a version was saved with: the rules it replaced against it, over the orders compared. */
export interface VersionComparisonSummary {
  orders: number;
  currency: string;
  comparedAt: string;
  live: RouterColumn | null;
  draft: RouterColumn | null;
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

export interface LocationPick {
  id: string;
  name: string;
}

/** How many of the shop's latest orders the "try it" panel offers. */
export const RECENT_ORDERS_OFFERED = 20;

export interface SettingsPage {
  current: RoutingSettings;
  version: number | null;
  history: SettingsVersionSummary[];
  /** Where "Try it" starts a hand-made order: near the first store, picked up at the first pickup store, by name. */
  tryItStart: { near: LocationPick | null; pickup: LocationPick | null };
  recentOrders: RecentOrderOption[];
  /** The shop's time zone, in which the page shows dates. */
  timeZone: string;
}

/**
 * The shop's latest orders the app holds facts for (not cancelled), with where each went. The
 * orders are read alongside the page's other queries; only their decisions wait for them.
 */
async function recentOrdersOf(shop: string, places: Promise<readonly PlaceOption[]>): Promise<RecentOrderOption[]> {
  const orders = await listRecentOrderFacts(prisma, shop, RECENT_ORDERS_OFFERED);
  const [decisions, placesNow] = await Promise.all([
    findDecisionsOfOrders(
      prisma,
      shop,
      orders.map((order) => order.orderId),
    ),
    places,
  ]);
  const decisionOf = new Map(decisions.map((decision) => [decision.orderId, decision]));
  const nameOf = namesOf(placesNow);
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

/**
 * The hand-made order's starting locations. The pickers search the rest (/app/location-search):
 * the page no longer carries every location (2,010 at national scale, 280 KB of loader data).
 */
function tryItStartOf(places: readonly PlaceOption[]): SettingsPage["tryItStart"] {
  const choices = places.map((place) => ({ ...place, placed: true }));
  return {
    near: firstLocationChoice(
      choices.filter((choice) => choice.kind === "STORE"),
      "PLACED",
    ),
    pickup: firstLocationChoice(choices, "PICKUP"),
  };
}

export async function loadSettingsPage(shop: string): Promise<SettingsPage> {
  // Two round trips before the first byte rather than three: the recent orders do not wait for the places.
  const placesRead = listPlaces(shop);
  const [{ settings, version }, versions, places, timeZone, recentOrders] = await Promise.all([
    currentRoutingSettings(shop),
    listRoutingSettingsVersions(prisma, shop),
    placesRead,
    shopTimeZone(shop),
    recentOrdersOf(shop, placesRead),
  ]);
  const comparisons = new Map(
    (
      await listVersionComparisons(
        sqlPool,
        shop,
        versions.map((stored) => stored.version),
      )
    ).map((kept) => [kept.version, kept]),
  );
  return {
    current: settings,
    version,
    history: versions.map((stored) => {
      const kept = comparisons.get(stored.version);
      return {
        version: stored.version,
        changedBy: stored.changedBy,
        changedAt: stored.changedAt.toISOString(),
        settings: stored.settings,
        comparison: kept
          ? {
              orders: kept.totals.orders,
              currency: kept.currency,
              comparedAt: kept.comparedAt.toISOString(),
              live: kept.totals.columns.find((column) => column.role === "LIVE") ?? null,
              draft: kept.totals.columns.find((column) => column.role === "DRAFT") ?? null,
            }
          : null,
      };
    }),
    tryItStart: tryItStartOf(places),
    recentOrders,
    timeZone,
  };
}
