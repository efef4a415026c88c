import prisma from "~/db.server";
import { explainDecision, routeOrder, type RoutingDecision } from "~/domain/routing";
import { parseDraftOrder, type DraftOrderErrors, type DraftOrderForm } from "~/domain/routing-settings/draft-order";
import { engineOrderOfRecorded } from "~/domain/routing-settings/recorded-order";
import { DEFAULT_ROUTING_SETTINGS, engineRules, serviceLevelFor } from "~/domain/routing-settings/settings";
import { parseSettingsForm, type SettingsErrors } from "~/domain/routing-settings/parse-settings";
import type { SettingsForm } from "~/domain/routing-settings/settings-form";
import {
  compareWithLiveRules,
  type DecisionSummary,
  type TryComparison,
} from "~/domain/routing-settings/try-comparison";
import { findOrderFacts } from "~/models/routed-orders.server";
import { assignedLocationIds, findDecision } from "~/models/routing-decisions.server";
import { routingLocationsFor } from "~/services/routing/routing-view.server";
import { shopTimeZone } from "~/services/shop/shop-time-zone.server";
import { listPlaces, namesOf } from "./places.server";
import { currentRoutingSettings } from "./settings.server";

/**
 * The routing rules page's "try it" panel: an order, hand-made or recorded, routed under the
 * draft rules in the form against the live inventory mirror. Nothing is stored, no job is
 * queued and Shopify is not called.
 */

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
  | { ok: false; settingsErrors: SettingsErrors; orderErrors: TryOrderErrors };

/** Routes a hand-made order under the draft settings, and explains the decision. */
export async function tryRoutingSettings(
  shop: string,
  settingsForm: SettingsForm,
  orderForm: DraftOrderForm,
  now: Date,
): Promise<TryOutcome> {
  const settings = parseSettingsForm(settingsForm);
  const places = await listPlaces(shop);
  const draft = parseDraftOrder(
    orderForm,
    places,
    (method, shippingMethod) =>
      serviceLevelFor(settings.ok ? settings.values : DEFAULT_ROUTING_SETTINGS, method, { title: shippingMethod }),
    now,
  );
  if (!settings.ok || !draft.ok) {
    return { ok: false, settingsErrors: settings.ok ? {} : settings.errors, orderErrors: draft.ok ? {} : draft.errors };
  }
  const locations = await routingLocationsFor(
    prisma,
    shop,
    draft.values.lines.map((line) => line.sku),
    now,
  );
  const decision = routeOrder({ order: draft.values, locations, rules: engineRules(settings.values) });
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
 * Routes one of the shop's recorded orders under the draft settings, as the routing job builds
 * it (engineOrderOfRecorded), and explains the decision next to the order's stored decision and
 * where the live rules would send it against the same stock.
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

  const [live, places, locations, recorded, timeZone] = await Promise.all([
    currentRoutingSettings(shop),
    listPlaces(shop),
    routingLocationsFor(prisma, shop, [...new Set(facts.lines.map((line) => line.sku))], now, id),
    findDecision(prisma, shop, id),
    shopTimeZone(shop),
  ]);
  const underDraft = engineOrderOfRecorded(facts, settings.ok ? settings.values : live.settings, locations).order;
  if (underDraft === null) {
    return refuse({
      orderId: `${facts.name} has no destination (shipping address coordinates or pickup store) or no items with a SKU, so it cannot be routed`,
    });
  }
  if (!settings.ok) return refuse({});

  const decision = routeOrder({ order: underDraft, locations, rules: engineRules(settings.values) });
  const nameOf = namesOf(places);
  const names = Object.fromEntries(places.map((place) => [place.id, place.name]));
  const underLive = engineOrderOfRecorded(facts, live.settings, locations).order;
  const liveDecision = underLive && routeOrder({ order: underLive, locations, rules: engineRules(live.settings) });
  const comparison = liveDecision
    ? compareWithLiveRules({
        orderName: facts.name,
        timeZone,
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
