import { sqlRows, type Db } from "~/db/sql.server";
import { EXCEPTION_HOLDS_OF_SKUS_SQL } from "./exception-holds.server";
import { STOCK_OF_SKUS_SQL } from "./inventory-levels.server";
import {
  ACTIVE_RESERVED_UNITS_SQL,
  reservationsActiveSince,
  type ReservationLine,
} from "./inventory-reservations.server";
import { LIVE_LOCATIONS_VERSION_SQL } from "./locations.server";

/**
 * What a routing decision reads of its SKUs, in one statement inside its transaction (decision
 * 045): the version of the shop's locations (their snapshot is read only when it changed), the
 * mirror's stock, the units other decisions reserved and the exception holds. Each part is its
 * own model's statement, run as a subquery.
 */
export interface RoutingInputs {
  locationsVersion: string;
  stock: { locationId: string; sku: string; available: number }[];
  reserved: ReservationLine[];
  held: { locationId: string; sku: string }[];
}

export async function readRoutingInputs(
  db: Db,
  shop: string,
  skus: readonly string[],
  now: Date,
  exceptOrderId?: string,
): Promise<RoutingInputs> {
  const rowsOf = (sql: string) => `(SELECT COALESCE(jsonb_agg(to_jsonb(part)), '[]'::jsonb) FROM (${sql}) part)`;
  const [row] = await sqlRows<RoutingInputs>(
    db,
    `SELECT (${LIVE_LOCATIONS_VERSION_SQL}) AS "locationsVersion",
            ${rowsOf(STOCK_OF_SKUS_SQL)} AS "stock",
            ${rowsOf(ACTIVE_RESERVED_UNITS_SQL)} AS "reserved",
            ${rowsOf(EXCEPTION_HOLDS_OF_SKUS_SQL)} AS "held"`,
    [shop, [...skus], reservationsActiveSince(now), exceptOrderId ?? null],
  );
  if (!row) throw new Error("Routing's inputs came back without a row");
  return row;
}
