import type { OrderDeliveryMethod, RoutingDecisionStatus } from "@prisma/client";
import { sqlRows, type Db } from "~/db/sql.server";
import type { CostGroup, DecisionCount } from "~/domain/analytics/dashboard-glance";
import { TRACED_WAREHOUSE_COST } from "./analytics.server";

/**
 * What the Dashboard reads of a shop's routing decisions, aggregated in PostgreSQL so that a
 * national chain's day (thousands of decisions) and month never leave the database row by row:
 * the decisions counted by day and by how they were fulfilled, and one day's routed orders
 * grouped by what their warehouse-only cost rests on. Both run on the (shop, decidedAt) index.
 */

interface CountSqlRow {
  day: number;
  method: OrderDeliveryMethod;
  status: RoutingDecisionStatus;
  leaves_a_store: boolean;
  orders: number;
}

/**
 * The decisions made from `dayStarts[0]` until the last instant of `dayStarts`, counted by the day
 * they fall on (between consecutive instants), delivery method, status and whether a parcel
 * leaves a store (asked of routed orders shipped or delivered only: the others count alike
 * either way). A location counts as a store unless its profile says warehouse, as the Analytics
 * page counts it; a parcel from a location the shop never had counts as neither.
 */
export async function countDecisionsByDay(db: Db, shop: string, dayStarts: readonly Date[]): Promise<DecisionCount[]> {
  if (dayStarts.length < 2) return [];
  const rows = await sqlRows<CountSqlRow>(
    db,
    // The shop's stores are gathered once into one JSON object, and each parcel's location looked
    // up in it (`?`), the first parcel without unnesting: probing the locations' index per parcel
    // cost seconds at 120,000 decisions, and a join to the stores spilled to disk. Only a routed
    // non-pickup order's parcels are looked at (the others count the same either way), and the
    // rows are classified before they are grouped (OFFSET 0), so the grouping sorts nothing wide.
    `WITH shop_stores AS (
       SELECT coalesce(jsonb_object_agg(l."locationId", true), '{}'::jsonb) AS ids
         FROM "Location" l
         LEFT JOIN "LocationProfile" p ON p."shop" = l."shop" AND p."locationId" = l."locationId"
        WHERE l."shop" = $1 AND p."kind" IS DISTINCT FROM 'WAREHOUSE'
     )
     SELECT day, method::text AS method, status::text AS status, leaves_a_store, count(*)::int AS orders
       FROM (SELECT width_bucket(d."decidedAt", $2::timestamp[])::int - 1 AS day,
                    d."deliveryMethod" AS method, d."status" AS status,
                    CASE WHEN d."deliveryMethod" = 'PICK_UP' OR d."status" = 'UNROUTABLE' THEN false
                         WHEN s.ids ? (d."assignments"->0->>'locationId') THEN true
                         WHEN jsonb_array_length(d."assignments") <= 1 THEN false
                         ELSE EXISTS (SELECT 1 FROM jsonb_array_elements(d."assignments") AS parcel
                                       WHERE s.ids ? (parcel->>'locationId')) END AS leaves_a_store
               FROM "RoutingDecision" d CROSS JOIN shop_stores s
              WHERE d."shop" = $1 AND d."decidedAt" >= $3 AND d."decidedAt" < $4
             OFFSET 0) AS classified
      GROUP BY day, method, status, leaves_a_store`,
    [shop, dayStarts.map((at) => at.toISOString()), dayStarts[0], dayStarts.at(-1)],
  );
  return rows.map((row) => ({
    day: Number(row.day),
    deliveryMethod: row.method,
    status: row.status,
    leavesAStore: row.leaves_a_store,
    orders: Number(row.orders),
  }));
}

interface CostSqlRow {
  orders: number;
  cost_cents: string;
  traced_cents: string | null;
  latitude: number | null;
  longitude: number | null;
}

/**
 * The routed orders decided in [since, until), grouped: those whose trace priced the cheapest full
 * warehouse in one group (its costs summed), the others by destination (the order's, or for a
 * pickup its store's, as the Analytics page takes it). Every amount is summed in whole cents.
 */
export async function listCostGroups(db: Db, shop: string, since: Date, until: Date): Promise<CostGroup[]> {
  const rows = await sqlRows<CostSqlRow>(
    db,
    `WITH decided AS (
       SELECT (${TRACED_WAREHOUSE_COST})::numeric AS traced,
              (SELECT coalesce(sum(round((parcel->>'cost')::numeric * 100)), 0)
                 FROM jsonb_array_elements(d."assignments") AS parcel) AS cost_cents,
              CASE WHEN o."latitude" IS NOT NULL AND o."longitude" IS NOT NULL THEN 'ORDER'
                   WHEN d."deliveryMethod" = 'PICK_UP' AND s."latitude" IS NOT NULL AND s."longitude" IS NOT NULL
                   THEN 'STORE' END AS destination,
              o."latitude" AS order_latitude, o."longitude" AS order_longitude,
              s."latitude" AS store_latitude, s."longitude" AS store_longitude
         FROM "RoutingDecision" d
         LEFT JOIN "RoutedOrder" o ON o."shop" = d."shop" AND o."orderId" = d."orderId"
         LEFT JOIN "Location" s ON s."shop" = d."shop" AND s."locationId" = d."assignments"->0->>'locationId'
        WHERE d."shop" = $1 AND d."decidedAt" >= $2 AND d."decidedAt" < $3 AND d."status" <> 'UNROUTABLE'
     ), destined AS (
       SELECT traced, cost_cents,
              CASE WHEN traced IS NOT NULL THEN NULL WHEN destination = 'ORDER' THEN order_latitude
                   WHEN destination = 'STORE' THEN store_latitude END AS latitude,
              CASE WHEN traced IS NOT NULL THEN NULL WHEN destination = 'ORDER' THEN order_longitude
                   WHEN destination = 'STORE' THEN store_longitude END AS longitude
         FROM decided
     )
     SELECT count(*)::int AS orders, sum(cost_cents)::text AS cost_cents,
            sum(round(traced * 100))::text AS traced_cents, latitude, longitude
       FROM destined
      GROUP BY traced IS NULL, latitude, longitude`,
    [shop, since, until],
  );
  return rows.map((row) => ({
    orders: Number(row.orders),
    costCents: Number(row.cost_cents),
    tracedWarehouseCents: row.traced_cents === null ? null : Number(row.traced_cents),
    destination:
      row.traced_cents !== null || row.latitude === null || row.longitude === null
        ? null
        : { lat: Number(row.latitude), lng: Number(row.longitude) },
  }));
}

export interface OpenExceptionHolds {
  /** SKUs held as out of stock at a store after an associate could not find them or found them damaged. */
  holds: number;
  stores: number;
}

export async function countOpenExceptionHolds(db: Db, shop: string): Promise<OpenExceptionHolds> {
  const [row] = await sqlRows<{ holds: number; stores: number }>(
    db,
    `SELECT count(*)::int AS holds, count(DISTINCT "locationId")::int AS stores FROM "ExceptionHold" WHERE "shop" = $1`,
    [shop],
  );
  return { holds: Number(row?.holds ?? 0), stores: Number(row?.stores ?? 0) };
}
