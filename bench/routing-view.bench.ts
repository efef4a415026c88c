// npm run bench:routing-view — what a routing decision costs in JavaScript at national scale
// (2,000 mirrored locations), from the mirror's rows to the engine's decision, without the
// database: the routing view (toRoutingLocations with the decision's adjustments and the day's
// counts), the engine's layout of the network (prepareNetwork) and the route (routeWithIndex).
// Against, in the same process, the view as it was built before decision 054: mapped with
// spreads, then copied once more to add what each location took today. Both must decide every
// order alike; each variant runs its rounds in turn and the CPU per decision of each is printed.
import { Prisma } from "@prisma/client";
import { isOpenAt, type OpeningHours } from "../app/domain/locations/opening-hours";
import { prepareNetwork, routeWithIndex } from "../app/domain/routing/index";
import type { RoutingLocation, RoutingOrder } from "../app/domain/routing/types";
import type { LocationWithProfile } from "../app/models/locations.server";
import { toRoutingLocations, type StockLine } from "../app/services/inventory/routing-locations.server";
import { buildNationalLocations, buildNationalOrders, NATIONAL, NATIONAL_RULES } from "./national-network";
import { runBench } from "./run-bench";

const ORDERS = 300;
const ROUNDS = 3;
const SHOP = "bench-national.myshopify.com";
const DAILY_CAPACITY = 40;
const AT = new Date("2026-11-25T18:00:00Z");
const WEEKDAY_HOURS = { open: "09:00", close: "21:00" };
const STORE_HOURS: OpeningHours = {
  monday: WEEKDAY_HOURS,
  tuesday: WEEKDAY_HOURS,
  wednesday: WEEKDAY_HOURS,
  thursday: WEEKDAY_HOURS,
  friday: WEEKDAY_HOURS,
  saturday: { open: "10:00", close: "20:00" },
  sunday: { open: "11:00", close: "18:00" },
};

/** A rough US time zone by longitude: the view reads each location's clock in its own zone. */
function zoneAt(longitude: number): string {
  if (longitude > -87) return "America/New_York";
  if (longitude > -101) return "America/Chicago";
  if (longitude > -114) return "America/Denver";
  return "America/Los_Angeles";
}

/** The network's locations as the mirror holds them: a Location row with its profile. */
function mirrored(location: RoutingLocation): LocationWithProfile {
  const isStore = location.kind === "STORE";
  return {
    shop: SHOP,
    locationId: location.id,
    name: location.id,
    address1: null,
    city: null,
    provinceCode: null,
    zip: null,
    countryCode: "US",
    latitude: location.lat,
    longitude: location.lng,
    isActive: location.active,
    fulfillsOnlineOrders: true,
    pickupEnabled: location.pickupEnabled,
    pickupTime: "ONE_HOUR",
    sourceUpdatedAt: null,
    deletedAt: null,
    syncedAt: AT,
    profile: {
      shop: SHOP,
      locationId: location.id,
      kind: location.kind,
      labourCostPerOrder: new Prisma.Decimal(location.labourCostPerOrder),
      shippingBaseCost: new Prisma.Decimal(location.shipping.base),
      shippingCostPerMile: new Prisma.Decimal(location.shipping.perMile),
      dailyCapacity: isStore ? DAILY_CAPACITY : null,
      openingHours: isStore ? STORE_HOURS : null,
      timeZone: zoneAt(location.lng),
      pickupEnabledOverride: null,
      preparationMinutes: null,
      sameDayCutoff: null,
      pickupOrderCutoff: null,
      storeEmail: null,
      updatedAt: AT,
    },
  } as LocationWithProfile;
}

/** The view before decision 054, for the baseline: one spread-built copy, then one more per adjustment. */
function viewBefore054(
  live: readonly LocationWithProfile[],
  fixedParts: ReadonlyMap<string, Omit<RoutingLocation, "isOpen" | "stock">>,
  stock: readonly StockLine[],
  at: Date,
  assignedToday: ReadonlyMap<string, number>,
): RoutingLocation[] {
  const stockByLocation = new Map<string, Record<string, number>>();
  for (const line of stock) {
    if (line.sku === null) continue;
    const units = stockByLocation.get(line.locationId) ?? {};
    units[line.sku] = (units[line.sku] ?? 0) + Math.max(0, line.available);
    stockByLocation.set(line.locationId, units);
  }
  const mapped = live.flatMap((location): RoutingLocation[] => {
    const profile = location.profile;
    const fixed = fixedParts.get(location.locationId);
    if (!fixed || !profile) return [];
    return [
      {
        id: fixed.id,
        kind: fixed.kind,
        lat: fixed.lat,
        lng: fixed.lng,
        active: fixed.active,
        isOpen: profile.openingHours !== "UNREADABLE" && isOpenAt(profile.openingHours, profile.timeZone, at),
        pickupEnabled: fixed.pickupEnabled,
        stock: stockByLocation.get(location.locationId) ?? {},
        labourCostPerOrder: fixed.labourCostPerOrder,
        shipping: { ...fixed.shipping },
        ...(fixed.dailyCapacity === undefined ? {} : { dailyCapacity: fixed.dailyCapacity }),
      },
    ];
  });
  return mapped.map((location) =>
    location.dailyCapacity === undefined
      ? location
      : { ...location, assignedToday: assignedToday.get(location.id) ?? 0 },
  );
}

async function main(): Promise<void> {
  const network = buildNationalLocations(NATIONAL);
  const live = network.map(mirrored);
  const orders = buildNationalOrders(network, {
    seed: 7,
    count: ORDERS,
    linesPerOrder: 3,
    skuCount: NATIONAL.skuCount,
  });
  // Each order's stock lines, as the routing inputs' statement returns them: every level of its SKUs.
  const stockOf = orders.map((order) => {
    const skus = new Set(order.lines.map((line) => line.sku));
    return network.flatMap((location) =>
      Object.entries(location.stock)
        .filter(([sku]) => skus.has(sku))
        .map(([sku, available]): StockLine => ({ locationId: location.id, sku, available })),
    );
  });
  const assignedToday = new Map(network.map((location, index) => [location.id, index % 7]));
  // What never changed between decisions, then as now: read once.
  const fixedParts = new Map(
    toRoutingLocations(live, [], AT).map(({ isOpen: _isOpen, stock: _stock, ...fixed }) => [fixed.id, fixed]),
  );

  const variants: Record<string, (order: RoutingOrder, stock: readonly StockLine[]) => unknown> = {
    "before decision 054 (copied per adjustment)": (order, stock) =>
      routeWithIndex(prepareNetwork(viewBefore054(live, fixedParts, stock, AT, assignedToday), NATIONAL_RULES), order),
    "one build (decision 054)": (order, stock) =>
      routeWithIndex(
        prepareNetwork(toRoutingLocations(live, stock, AT, { reserved: [], held: [], assignedToday }), NATIONAL_RULES),
        order,
      ),
  };

  // Each variant warmed up and measured in turn, the current one first: its figure is that of a
  // process that has only ever seen the current view, as a worker has. Run alternately, the two
  // variants' locations reach the same engine code, and the current one's figure then moved
  // between 3 and 7 ms by the order they ran in.
  const perDecision = new Map<string, number[]>();
  const decided = new Map<string, string[]>();
  for (const [label, decide] of Object.entries(variants).reverse()) {
    decided.set(
      label,
      orders.map((order, index) => JSON.stringify(decide(order, stockOf[index]!))),
    );
    for (let round = 1; round <= ROUNDS; round++) {
      const started = process.cpuUsage();
      orders.forEach((order, index) => decide(order, stockOf[index]!));
      const used = process.cpuUsage(started);
      const ms = (used.user + used.system) / 1000 / ORDERS;
      perDecision.set(label, [...(perDecision.get(label) ?? []), ms]);
      console.log(`round ${round}: ${label}: ${ms.toFixed(2)} ms of CPU per decision`);
    }
  }
  const [before, now] = Object.keys(variants).map((label) => decided.get(label)!);
  const differing = before!.filter((decision, index) => decision !== now![index]).length;
  if (differing > 0) throw new Error(`${differing} of ${ORDERS} orders decided differently by the two views`);
  const [baseline, current] = Object.keys(variants).map(
    (label) => [...perDecision.get(label)!].sort((a, b) => a - b)[1]!,
  );
  console.log(
    `routing view at national (${live.length} locations, ${ORDERS} orders, same decisions): ` +
      `median ${current!.toFixed(2)} ms of CPU per decision against ${baseline!.toFixed(2)} before decision 054 ` +
      `(${(current! / baseline!).toFixed(2)}×)`,
  );
}

runBench("routing-view", main, 10 * 60_000);
