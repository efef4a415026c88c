import type { OrderDeliveryMethod, RoutingDecisionStatus } from "@prisma/client";
import type { RecordedRouting } from "~/domain/routing-replay/replay";
import type { Assignment, OrderLine } from "~/domain/routing/types";
import { isServiceLevel } from "~/domain/routing-settings/settings";
import { assignmentsSchema } from "./routing-decision-json";
import { orderLinesSchema } from "./routed-orders.server";
import { readStoredJson } from "./stored-json";
import { sqlRows, type Db } from "~/db/sql.server";

/**
 * A shop's routing history for the what-if replay: each decision made in a range, with the
 * order's facts as stored (RoutingDecision joined to RoutedOrder), in the order they were decided.
 *
 * A range holds up to hundreds of thousands of decisions, so each row comes back lean: JSON
 * columns as text, parsed and checked here by hand (the schemas run only on a value that fails,
 * to name the fault), and timestamps as whole epoch milliseconds rather than text to parse.
 */
interface RecordedRow {
  orderId: string;
  placedAt: number;
  pickupLocationId: string | null;
  shippingLineTitle: string | null;
  shippingLineCode: string | null;
  latitude: number | null;
  longitude: number | null;
  lines: string;
  deliveryMethod: OrderDeliveryMethod;
  serviceLevel: string;
  status: RoutingDecisionStatus;
  assignments: string;
  decidedAt: number;
}

/**
 * The decisions made in [from, to), oldest first (ties by order id), with their orders' facts.
 * A decision whose order's facts are gone (redacted) is left out. Throws UnreadableRowError when
 * a row's lines or assignments do not parse.
 */
export async function listRecordedRoutings(db: Db, shop: string, from: Date, to: Date): Promise<RecordedRouting[]> {
  const rows = await sqlRows<RecordedRow>(
    db,
    `SELECT o."orderId", floor(extract(epoch FROM o."placedAt") * 1000)::float8 AS "placedAt",
            o."pickupLocationId", o."shippingLineTitle", o."shippingLineCode", o."latitude", o."longitude",
            o."lines"::text AS "lines", d."deliveryMethod"::text AS "deliveryMethod", d."serviceLevel",
            d."status"::text AS "status", d."assignments"::text AS "assignments",
            floor(extract(epoch FROM d."decidedAt") * 1000)::float8 AS "decidedAt"
       FROM "RoutingDecision" d
       JOIN "RoutedOrder" o ON o."shop" = d."shop" AND o."orderId" = d."orderId"
      WHERE d."shop" = $1 AND d."decidedAt" >= $2 AND d."decidedAt" < $3
      ORDER BY d."decidedAt", d."orderId"`,
    [shop, from, to],
  );
  return rows.map((row) => ({
    facts: {
      orderId: row.orderId,
      placedAt: new Date(row.placedAt),
      deliveryMethod: row.deliveryMethod,
      pickupLocationId: row.pickupLocationId,
      shippingLineTitle: row.shippingLineTitle,
      shippingLineCode: row.shippingLineCode,
      latitude: row.latitude,
      longitude: row.longitude,
      lines: readOrderLines(JSON.parse(row.lines), row.orderId),
    },
    decision: {
      deliveryMethod: row.deliveryMethod,
      // Stored from the engine's own service level; anything else is replayed as standard.
      serviceLevel: isServiceLevel(row.serviceLevel) ? row.serviceLevel : "STANDARD",
      status: row.status,
      assignments: readAssignments(JSON.parse(row.assignments), row.orderId),
      decidedAt: new Date(row.decidedAt),
    },
  }));
}

/**
 * RoutedOrder.lines as orderLinesSchema reads them (fresh objects with just the schema's keys),
 * checked by hand on the way: the schema itself runs only on a value that fails, to name the fault.
 */
function readOrderLines(value: unknown, orderId: string): OrderLine[] {
  const lines = Array.isArray(value) ? linesOf(value) : null;
  return lines ?? readStoredJson(orderLinesSchema, value, { table: "RoutedOrder", id: orderId, field: "lines" });
}

/** RoutingDecision.assignments as assignmentsSchema reads them, checked by hand as readOrderLines does. */
function readAssignments(value: unknown, orderId: string): Assignment[] {
  if (Array.isArray(value)) {
    const assignments: Assignment[] = [];
    for (const entry of value as unknown[]) {
      if (typeof entry !== "object" || entry === null) break;
      const { locationId, lines, cost, distanceMiles } = entry as Record<string, unknown>;
      const read = Array.isArray(lines) ? linesOf(lines) : null;
      if (typeof locationId !== "string" || read === null || typeof cost !== "number") break;
      if (typeof distanceMiles !== "number") break;
      assignments.push({ locationId, lines: read, cost, distanceMiles });
    }
    if (assignments.length === value.length) return assignments;
  }
  return readStoredJson(assignmentsSchema, value, { table: "RoutingDecision", id: orderId, field: "assignments" });
}

function linesOf(value: readonly unknown[]): OrderLine[] | null {
  const lines: OrderLine[] = [];
  for (const entry of value) {
    if (typeof entry !== "object" || entry === null) return null;
    const { sku, quantity } = entry as Record<string, unknown>;
    if (typeof sku !== "string" || typeof quantity !== "number") return null;
    lines.push({ sku, quantity });
  }
  return lines;
}
