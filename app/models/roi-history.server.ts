import type { Prisma } from "@prisma/client";
import type { RoutingHistorySummary } from "~/domain/roi/from-history";

type Db = Prisma.TransactionClient;

interface SummaryRow {
  orders: number;
  pickup_orders: number;
  pickup_labour_orders: number;
  pickup_labour_cents: bigint;
  shipped_orders: number;
  shipped_shipping_cents: bigint;
}

/**
 * One shop's routing decisions in [since, until), added up for the ROI calculator in one
 * statement (the assignments are JSON, which Prisma cannot aggregate): how many orders, how many
 * the shopper collects, the labour cost of the stores pickup orders went to, and what shipped
 * orders spent on shipping (each parcel's routed cost, base + per mile + labour, less the labour
 * of its location). Labour is the location's profile as it stands now; an order with a parcel
 * from a location that has no profile any more is left out of the cost sums, not counted at 0.
 */
export async function summariseRoutingHistory(
  db: Db,
  shop: string,
  since: Date,
  until: Date,
): Promise<RoutingHistorySummary> {
  const [row] = await db.$queryRaw<SummaryRow[]>`
    WITH decided AS (
      SELECT id, "deliveryMethod" AS method, status, assignments
        FROM "RoutingDecision"
       WHERE shop = ${shop} AND "decidedAt" >= ${since} AND "decidedAt" < ${until}
    ),
    parcels AS (
      SELECT decided.id, decided.method,
             round((parcel->>'cost')::numeric * 100) AS cost_cents,
             round(profile."labourCostPerOrder" * 100) AS labour_cents
        FROM decided
             CROSS JOIN LATERAL jsonb_array_elements(decided.assignments) AS parcel
             LEFT JOIN "LocationProfile" AS profile
                    ON profile.shop = ${shop} AND profile."locationId" = parcel->>'locationId'
       WHERE decided.status <> 'UNROUTABLE'
    ),
    costed AS (
      SELECT id, method, sum(labour_cents) AS labour_cents, sum(cost_cents - labour_cents) AS shipping_cents
        FROM parcels
       GROUP BY id, method
      HAVING bool_and(labour_cents IS NOT NULL)
    )
    SELECT (SELECT count(*)::int FROM decided) AS orders,
           (SELECT count(*)::int FROM decided WHERE method = 'PICK_UP') AS pickup_orders,
           (SELECT count(*)::int FROM costed WHERE method = 'PICK_UP') AS pickup_labour_orders,
           (SELECT coalesce(sum(labour_cents), 0)::bigint FROM costed WHERE method = 'PICK_UP') AS pickup_labour_cents,
           (SELECT count(*)::int FROM costed WHERE method <> 'PICK_UP') AS shipped_orders,
           (SELECT coalesce(sum(shipping_cents), 0)::bigint FROM costed WHERE method <> 'PICK_UP') AS shipped_shipping_cents`;
  if (!row) throw new Error("The routing history summary returned no row");
  return {
    orders: row.orders,
    pickupOrders: row.pickup_orders,
    pickupLabour: { orders: row.pickup_labour_orders, labourCents: Number(row.pickup_labour_cents) },
    shipping: { orders: row.shipped_orders, shippingCents: Number(row.shipped_shipping_cents) },
  };
}
