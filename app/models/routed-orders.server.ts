import type { OrderDeliveryMethod, Prisma } from "@prisma/client";
import { z } from "zod";
import { readStoredJson, toStoredJson } from "./stored-json";
import { castPlaceholders, selectRow, type GatedInsertOptions, type StatementPart } from "~/db/gated-insert";
import { sqlExecute, sqlRows, type Db as SqlDb } from "~/db/sql.server";

type Db = Prisma.TransactionClient;

/** What routing needs to know about an order (see RoutedOrder in prisma/schema.prisma). */
export interface OrderFacts {
  orderId: string;
  name: string;
  placedAt: Date;
  deliveryMethod: OrderDeliveryMethod | null;
  pickupLocationId: string | null;
  shippingLineTitle: string | null;
  shippingLineCode: string | null;
  latitude: number | null;
  longitude: number | null;
  lines: { sku: string; quantity: number }[];
  customerId: string | null;
  /** Shopify's random confirmation number; null when the source did not carry it. */
  confirmationNumber: string | null;
  cancelledAt: Date | null;
}

export type OrderFactsSource = "WEBHOOK" | "ADMIN_API";

const FACT_FIELDS = {
  orderId: true,
  name: true,
  placedAt: true,
  deliveryMethod: true,
  pickupLocationId: true,
  shippingLineTitle: true,
  shippingLineCode: true,
  latitude: true,
  longitude: true,
  lines: true,
  customerId: true,
  confirmationNumber: true,
  cancelledAt: true,
} as const;

/** RoutedOrder.lines: the order's lines that have a SKU. */
export const orderLinesSchema = z.array(z.object({ sku: z.string(), quantity: z.number() }));

function linesOf(orderId: string) {
  return { table: "RoutedOrder" as const, id: orderId, field: "lines" };
}

/** Throws UnreadableRowError, naming the order, when its lines do not parse. */
function readFacts(row: Prisma.RoutedOrderGetPayload<{ select: typeof FACT_FIELDS }>): OrderFacts {
  return { ...row, lines: readStoredJson(orderLinesSchema, row.lines, linesOf(row.orderId)) };
}

const FACT_COLUMNS = Object.keys(FACT_FIELDS)
  .map((field) => `"${field}"`)
  .join(", ");

/** The facts held of the shop's ($1) order ($2), as a statement or a subquery of one. */
export const ORDER_FACTS_SQL = `SELECT ${FACT_COLUMNS} FROM "RoutedOrder" WHERE "shop" = $1 AND "orderId" = $2`;

export type StoredOrderFacts = Prisma.RoutedOrderGetPayload<{ select: typeof FACT_FIELDS }>;

export async function findOrderFacts(db: SqlDb, shop: string, orderId: string): Promise<OrderFacts | null> {
  const [row] = await sqlRows<StoredOrderFacts>(db, ORDER_FACTS_SQL, [shop, orderId]);
  return row ? readFacts(row) : null;
}

/** ORDER_FACTS_SQL's columns among a larger row's (a statement that reads other things too): null when they are empty. */
export function readOrderFactsColumns(row: {
  [Column in keyof StoredOrderFacts]: StoredOrderFacts[Column] | null;
}): OrderFacts | null {
  if (row.orderId === null) return null;
  const facts = Object.fromEntries(
    Object.keys(FACT_FIELDS).map((field) => [field, row[field as keyof StoredOrderFacts]]),
  );
  return readFacts(facts as StoredOrderFacts);
}

/** The shop's latest orders that are not cancelled, newest placed first. */
export async function listRecentOrderFacts(db: Db, shop: string, take: number): Promise<OrderFacts[]> {
  const rows = await db.routedOrder.findMany({
    where: { shop, cancelledAt: null },
    orderBy: [{ placedAt: "desc" }, { orderId: "desc" }],
    take,
    select: FACT_FIELDS,
  });
  return rows.map(readFacts);
}

/**
 * Stores an order's facts, or completes the held ones: a value already known (a delivery
 * method or pickup store learnt from the fulfilment orders, a cancellation) is not replaced
 * by a null from a source that does not carry it. Idempotent.
 */
export async function upsertOrderFacts(
  db: SqlDb,
  shop: string,
  facts: OrderFacts,
  source: OrderFactsSource,
): Promise<void> {
  const { text, values } = orderFactsUpsert(shop, facts, source);
  await sqlExecute(db, text, values);
}

/** The types of orderFactsUpsert's values, in their order (the last is both timestamps). */
const ORDER_FACTS_TYPES = [
  "text",
  "text",
  "text",
  "timestamp(3)",
  '"OrderDeliveryMethod"',
  "text",
  "text",
  "text",
  "double precision",
  "double precision",
  "jsonb",
  "text",
  "text",
  "timestamp(3)",
  "text",
  "timestamp(3)",
] as const;

/** upsertOrderFacts's statement, alone or as part of another (orders/create's, decision 044). */
export function orderFactsUpsert(
  shop: string,
  facts: OrderFacts,
  source: OrderFactsSource,
  { first = 1, gate = null }: GatedInsertOptions = {},
): StatementPart {
  const row = castPlaceholders(ORDER_FACTS_TYPES, first);
  const now = row.at(-1)!;
  return {
    text: `INSERT INTO "RoutedOrder"
       ("shop", "orderId", "name", "placedAt", "deliveryMethod", "pickupLocationId", "shippingLineTitle",
        "shippingLineCode", "latitude", "longitude", "lines", "customerId", "confirmationNumber", "cancelledAt",
        "source", "createdAt", "updatedAt")
     ${selectRow([...row, now], gate)}
     ON CONFLICT ("shop", "orderId") DO UPDATE
        SET "name" = EXCLUDED."name", "placedAt" = EXCLUDED."placedAt",
            "deliveryMethod" = COALESCE(EXCLUDED."deliveryMethod", "RoutedOrder"."deliveryMethod"),
            "pickupLocationId" = COALESCE(EXCLUDED."pickupLocationId", "RoutedOrder"."pickupLocationId"),
            "shippingLineTitle" = COALESCE(EXCLUDED."shippingLineTitle", "RoutedOrder"."shippingLineTitle"),
            "shippingLineCode" = COALESCE(EXCLUDED."shippingLineCode", "RoutedOrder"."shippingLineCode"),
            "latitude" = COALESCE(EXCLUDED."latitude", "RoutedOrder"."latitude"),
            "longitude" = COALESCE(EXCLUDED."longitude", "RoutedOrder"."longitude"),
            "lines" = CASE WHEN jsonb_array_length(EXCLUDED."lines") > 0 THEN EXCLUDED."lines" ELSE "RoutedOrder"."lines" END,
            "customerId" = COALESCE(EXCLUDED."customerId", "RoutedOrder"."customerId"),
            "confirmationNumber" = COALESCE(EXCLUDED."confirmationNumber", "RoutedOrder"."confirmationNumber"),
            "cancelledAt" = COALESCE(EXCLUDED."cancelledAt", "RoutedOrder"."cancelledAt"),
            "updatedAt" = EXCLUDED."updatedAt"`,
    values: [
      shop,
      facts.orderId,
      facts.name,
      facts.placedAt,
      facts.deliveryMethod,
      facts.pickupLocationId,
      facts.shippingLineTitle,
      facts.shippingLineCode,
      facts.latitude,
      facts.longitude,
      JSON.stringify(toStoredJson(orderLinesSchema, facts.lines, linesOf(facts.orderId))),
      facts.customerId,
      facts.confirmationNumber,
      facts.cancelledAt,
      source,
      new Date(),
    ],
  };
}

/** What the thank-you and order status pages' pickup pass checks an order against; null when the app has not heard of it. */
export function findOrderConfirmation(
  db: Db,
  shop: string,
  orderId: string,
): Promise<{ confirmationNumber: string | null; deliveryMethod: OrderDeliveryMethod | null } | null> {
  return db.routedOrder.findUnique({
    where: { shop_orderId: { shop, orderId } },
    select: { confirmationNumber: true, deliveryMethod: true },
  });
}

/** What routing learns of an order from its fulfilment orders. */
export type LearntOrderFacts = Pick<OrderFacts, "deliveryMethod" | "pickupLocationId" | "latitude" | "longitude">;

/** Fills in what routing learnt from the fulfilment orders. */
export async function completeOrderFacts(
  db: SqlDb,
  shop: string,
  orderId: string,
  learnt: LearntOrderFacts,
): Promise<void> {
  const part = orderFactsCompletionPart(shop, orderId, learnt, 1);
  await sqlExecute(db, part.text, part.values);
}

/**
 * `completeOrderFacts`'s statement, its placeholders numbered from `first`, to run alone or as a
 * part of the statement that stores the order's decision (decision 047).
 */
export function orderFactsCompletionPart(
  shop: string,
  orderId: string,
  learnt: LearntOrderFacts,
  first: number,
): StatementPart {
  const [shopAt, orderAt, methodAt, pickupAt, latitudeAt, longitudeAt, updatedAt] = castPlaceholders(
    ["text", "text", '"OrderDeliveryMethod"', "text", "float8", "float8", "timestamp"],
    first,
  );
  return {
    text: `UPDATE "RoutedOrder"
        SET "deliveryMethod" = ${methodAt}, "pickupLocationId" = ${pickupAt}, "latitude" = ${latitudeAt},
            "longitude" = ${longitudeAt}, "updatedAt" = ${updatedAt}
      WHERE "shop" = ${shopAt} AND "orderId" = ${orderAt}`,
    values: [
      shop,
      orderId,
      learnt.deliveryMethod,
      learnt.pickupLocationId,
      learnt.latitude,
      learnt.longitude,
      new Date(),
    ],
  };
}

/**
 * The customer's orders: those customers/redact or data_request names, and those the app
 * holds with the customer's id.
 */
export async function orderIdsOfCustomer(
  db: Db,
  shop: string,
  customer: { id: string | null; orderIds: string[] },
): Promise<string[]> {
  const held = await db.routedOrder.findMany({ where: ordersOfCustomer(shop, customer), select: { orderId: true } });
  return [...new Set([...customer.orderIds, ...held.map((row) => row.orderId)])];
}

/** Customers/redact: the customer's orders go (their id, destination and customer). */
export async function redactOrderFactsOfCustomer(
  db: Db,
  shop: string,
  customer: { id: string | null; orderIds: string[] },
): Promise<number> {
  const { count } = await db.routedOrder.deleteMany({ where: ordersOfCustomer(shop, customer) });
  return count;
}

export function exportOrderFactsOfCustomer(
  db: Db,
  shop: string,
  customer: { id: string | null; orderIds: string[] },
): Promise<unknown[]> {
  return db.routedOrder.findMany({
    where: ordersOfCustomer(shop, customer),
    select: { orderId: true, name: true, placedAt: true, deliveryMethod: true, latitude: true, longitude: true },
    orderBy: { placedAt: "asc" },
  });
}

function ordersOfCustomer(
  shop: string,
  customer: { id: string | null; orderIds: string[] },
): Prisma.RoutedOrderWhereInput {
  const matches: Prisma.RoutedOrderWhereInput[] = [];
  if (customer.id) matches.push({ customerId: customer.id });
  if (customer.orderIds.length) matches.push({ orderId: { in: customer.orderIds } });
  return matches.length ? { shop, OR: matches } : { shop, orderId: { in: [] } };
}
