import type { OrderDeliveryMethod, RoutingDecisionStatus } from "@prisma/client";
import type { RecordedRouting } from "~/domain/routing-replay/replay";
import { isServiceLevel } from "~/domain/routing-settings/settings";
import { assignmentsSchema } from "./routing-decision-json";
import { orderLinesSchema } from "./routed-orders.server";
import { readStoredJson } from "./stored-json";
import { sqlRows, type Db } from "~/db/sql.server";

/**
 * A shop's routing history for the what-if replay: each decision made in a range, with the
 * order's facts as stored (RoutingDecision joined to RoutedOrder), in the order they were decided.
 */

interface RecordedRow {
  orderId: string;
  placedAt: Date;
  pickupLocationId: string | null;
  shippingLineTitle: string | null;
  shippingLineCode: string | null;
  latitude: number | null;
  longitude: number | null;
  lines: unknown;
  deliveryMethod: OrderDeliveryMethod;
  serviceLevel: string;
  status: RoutingDecisionStatus;
  assignments: unknown;
  decidedAt: Date;
}

/**
 * The decisions made in [from, to), oldest first (ties by order id), with their orders' facts.
 * A decision whose order's facts are gone (redacted) is left out. Throws UnreadableRowError when
 * a row's lines or assignments do not parse.
 */
export async function listRecordedRoutings(db: Db, shop: string, from: Date, to: Date): Promise<RecordedRouting[]> {
  const rows = await sqlRows<RecordedRow>(
    db,
    `SELECT o."orderId", o."placedAt", o."pickupLocationId", o."shippingLineTitle", o."shippingLineCode",
            o."latitude", o."longitude", o."lines",
            d."deliveryMethod", d."serviceLevel", d."status", d."assignments", d."decidedAt"
       FROM "RoutingDecision" d
       JOIN "RoutedOrder" o ON o."shop" = d."shop" AND o."orderId" = d."orderId"
      WHERE d."shop" = $1 AND d."decidedAt" >= $2 AND d."decidedAt" < $3
      ORDER BY d."decidedAt", d."orderId"`,
    [shop, from, to],
  );
  return rows.map((row) => ({
    facts: {
      orderId: row.orderId,
      placedAt: row.placedAt,
      deliveryMethod: row.deliveryMethod,
      pickupLocationId: row.pickupLocationId,
      shippingLineTitle: row.shippingLineTitle,
      shippingLineCode: row.shippingLineCode,
      latitude: row.latitude,
      longitude: row.longitude,
      lines: readStoredJson(orderLinesSchema, row.lines, { table: "RoutedOrder", id: row.orderId, field: "lines" }),
    },
    decision: {
      deliveryMethod: row.deliveryMethod,
      // Stored from the engine's own service level; anything else is replayed as standard.
      serviceLevel: isServiceLevel(row.serviceLevel) ? row.serviceLevel : "STANDARD",
      status: row.status,
      assignments: readStoredJson(assignmentsSchema, row.assignments, {
        table: "RoutingDecision",
        id: row.orderId,
        field: "assignments",
      }),
      decidedAt: row.decidedAt,
    },
  }));
}
