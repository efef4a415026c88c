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
            CROSS JOIN LATERAL (
              SELECT * FROM "RoutedOrder" r WHERE r."shop" = d."shop" AND r."orderId" = d."orderId" OFFSET 0
            ) o
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
 * RoutedOrder.lines as orderLinesSchema reads them, checked by hand (the schema itself runs only on
 * a value that fails, to name the fault). The parsed objects are kept as they are rather than
 * copied: the app stores these columns through the same schemas (toStoredJson), so they hold just
 * the schema's keys, and at 100,000 orders the copies were a good part of the load's garbage.
 */
function readOrderLines(value: unknown, orderId: string): OrderLine[] {
  if (isLines(value)) return value;
  return readStoredJson(orderLinesSchema, value, { table: "RoutedOrder", id: orderId, field: "lines" });
}

/** RoutingDecision.assignments as assignmentsSchema reads them, checked by hand as readOrderLines does. */
function readAssignments(value: unknown, orderId: string): Assignment[] {
  if (Array.isArray(value) && value.every(isAssignment)) return value;
  return readStoredJson(assignmentsSchema, value, { table: "RoutingDecision", id: orderId, field: "assignments" });
}

function isAssignment(entry: unknown): entry is Assignment {
  if (typeof entry !== "object" || entry === null) return false;
  const { locationId, lines, cost, distanceMiles } = entry as Record<string, unknown>;
  return (
    typeof locationId === "string" && isLines(lines) && typeof cost === "number" && typeof distanceMiles === "number"
  );
}

function isLines(value: unknown): value is OrderLine[] {
  if (!Array.isArray(value)) return false;
  for (const entry of value as unknown[]) {
    if (typeof entry !== "object" || entry === null) return false;
    const { sku, quantity } = entry as Record<string, unknown>;
    if (typeof sku !== "string" || typeof quantity !== "number") return false;
  }
  return true;
}
