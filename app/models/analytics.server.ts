import type {
  LocationKind,
  OrderDeliveryMethod,
  RoutingDecisionStatus,
  StoreTaskKind,
  StoreTaskState,
} from "@prisma/client";
import { sqlRows, type Db } from "~/db/sql.server";

/**
 * What the Analytics page reads for one shop and a range of decision times [since, until): each
 * routing decision reduced to the few facts the figures need, the store tasks of those orders
 * with their pick lines counted, and the shop's locations with their shipping rates. Three
 * statements, each on an index ((shop, decidedAt), (shop, orderId), the locations' key).
 */

export interface AnalyticsOrderRow {
  orderId: string;
  decidedAt: Date;
  /** When the shopper placed it; the decision time when the order's facts are gone. */
  placedAt: Date;
  deliveryMethod: OrderDeliveryMethod;
  status: RoutingDecisionStatus;
  parcels: { locationId: string; cost: number; distanceMiles: number }[];
  /** The cheapest warehouse that could take the whole order, as the trace's SHIPPING stage priced it. */
  tracedWarehouseCost: number | null;
  /** The order's destination (for a pickup, the chosen store), when known. */
  destination: { lat: number; lng: number } | null;
}

interface OrderSqlRow {
  order_id: string;
  decided_at: Date;
  placed_at: Date;
  method: OrderDeliveryMethod;
  status: RoutingDecisionStatus;
  parcels: [string, number, number][];
  traced_warehouse_cost: number | null;
  latitude: number | null;
  longitude: number | null;
}

// The trace lists the cheapest full warehouse of a SHIPPING stage as chosen (CHEAPEST_WAREHOUSE)
// or beaten by a store (STORE_PREFERRED); see stage-outcomes.ts shippingOutcome.
export const TRACED_WAREHOUSE_COST = `jsonb_path_query_first(d."trace",
  '$.stages[*] ? (@.stage == "SHIPPING").locations[*] ? (@.kind == "WAREHOUSE" && (@.reason == "CHEAPEST_WAREHOUSE" || @.reason == "STORE_PREFERRED")).cost')`;

export async function listDecidedOrders(db: Db, shop: string, since: Date, until: Date): Promise<AnalyticsOrderRow[]> {
  const rows = await sqlRows<OrderSqlRow>(
    db,
    `SELECT d."orderId" AS order_id, d."decidedAt" AS decided_at, coalesce(o."placedAt", d."decidedAt") AS placed_at,
            d."deliveryMethod"::text AS method, d."status"::text AS status,
            (SELECT coalesce(jsonb_agg(jsonb_build_array(p->>'locationId', (p->>'cost')::float8,
                                                         (p->>'distanceMiles')::float8)), '[]'::jsonb)
               FROM jsonb_array_elements(d."assignments") AS p) AS parcels,
            (${TRACED_WAREHOUSE_COST})::float8 AS traced_warehouse_cost,
            o."latitude", o."longitude"
       FROM "RoutingDecision" d
       LEFT JOIN "RoutedOrder" o ON o."shop" = d."shop" AND o."orderId" = d."orderId"
      WHERE d."shop" = $1 AND d."decidedAt" >= $2 AND d."decidedAt" < $3`,
    [shop, since, until],
  );
  return rows.map((row) => ({
    orderId: row.order_id,
    decidedAt: new Date(row.decided_at),
    placedAt: new Date(row.placed_at),
    deliveryMethod: row.method,
    status: row.status,
    parcels: row.parcels.map(([locationId, cost, distanceMiles]) => ({ locationId, cost, distanceMiles })),
    tracedWarehouseCost: row.traced_warehouse_cost === null ? null : Number(row.traced_warehouse_cost),
    destination:
      row.latitude === null || row.longitude === null
        ? null
        : { lat: Number(row.latitude), lng: Number(row.longitude) },
  }));
}

export interface AnalyticsTaskRow {
  orderId: string;
  locationId: string;
  kind: StoreTaskKind;
  state: StoreTaskState;
  readyAt: Date | null;
  completedAt: Date | null;
  endedReason: string | null;
  attemptedLines: number;
  notFoundLines: number;
}

interface TaskSqlRow {
  order_id: string;
  location_id: string;
  kind: StoreTaskKind;
  state: StoreTaskState;
  ready_at: Date | null;
  completed_at: Date | null;
  ended_reason: string | null;
  attempted_lines: number;
  not_found_lines: number;
}

const orNull = (at: Date | null) => (at === null ? null : new Date(at));

/** The store tasks of the orders decided in [since, until), each with its lines picked or reported, and not found. */
export async function listTasksOfDecidedOrders(
  db: Db,
  shop: string,
  since: Date,
  until: Date,
): Promise<AnalyticsTaskRow[]> {
  const rows = await sqlRows<TaskSqlRow>(
    db,
    `SELECT t."orderId" AS order_id, t."locationId" AS location_id, t."kind"::text AS kind, t."state"::text AS state,
            t."readyAt" AS ready_at, t."completedAt" AS completed_at, t."endedReason"::text AS ended_reason,
            count(*) FILTER (WHERE l."picked" > 0 OR l."exceptionReason" IS NOT NULL)::int AS attempted_lines,
            count(*) FILTER (WHERE l."exceptionReason" = 'NOT_FOUND')::int AS not_found_lines
       FROM "StoreTask" t
       LEFT JOIN "StoreTaskLine" l ON l."taskId" = t."id"
      WHERE t."shop" = $1
        AND t."orderId" IN (SELECT "orderId" FROM "RoutingDecision"
                             WHERE "shop" = $1 AND "decidedAt" >= $2 AND "decidedAt" < $3)
      GROUP BY t."id"`,
    [shop, since, until],
  );
  return rows.map((row) => ({
    orderId: row.order_id,
    locationId: row.location_id,
    kind: row.kind,
    state: row.state,
    readyAt: orNull(row.ready_at),
    completedAt: orNull(row.completed_at),
    endedReason: row.ended_reason,
    attemptedLines: Number(row.attempted_lines),
    notFoundLines: Number(row.not_found_lines),
  }));
}

export interface AnalyticsLocationRow {
  locationId: string;
  name: string;
  kind: LocationKind;
  /** Live (not deleted, active) with coordinates and a profile: a warehouse the counterfactual may use. */
  usable: boolean;
  lat: number | null;
  lng: number | null;
  shippingBase: number;
  shippingPerMile: number;
  labourCostPerOrder: number;
}

interface LocationSqlRow {
  location_id: string;
  name: string;
  kind: LocationKind | null;
  usable: boolean;
  latitude: number | null;
  longitude: number | null;
  shipping_base: string | null;
  shipping_per_mile: string | null;
  labour: string | null;
}

/** Every location the shop has had (deleted ones keep their names for past orders), with its profile's rates. */
export async function listAnalyticsLocations(db: Db, shop: string): Promise<AnalyticsLocationRow[]> {
  const rows = await sqlRows<LocationSqlRow>(
    db,
    `SELECT l."locationId" AS location_id, l."name", p."kind"::text AS kind,
            (l."deletedAt" IS NULL AND l."isActive" AND l."latitude" IS NOT NULL AND l."longitude" IS NOT NULL
             AND p."locationId" IS NOT NULL) AS usable,
            l."latitude", l."longitude",
            p."shippingBaseCost"::text AS shipping_base, p."shippingCostPerMile"::text AS shipping_per_mile,
            p."labourCostPerOrder"::text AS labour
       FROM "Location" l
       LEFT JOIN "LocationProfile" p ON p."shop" = l."shop" AND p."locationId" = l."locationId"
      WHERE l."shop" = $1`,
    [shop],
  );
  return rows.map((row) => ({
    locationId: row.location_id,
    name: row.name,
    kind: row.kind ?? "STORE",
    usable: row.usable,
    lat: row.latitude === null ? null : Number(row.latitude),
    lng: row.longitude === null ? null : Number(row.longitude),
    shippingBase: Number(row.shipping_base ?? 0),
    shippingPerMile: Number(row.shipping_per_mile ?? 0),
    labourCostPerOrder: Number(row.labour ?? 0),
  }));
}
