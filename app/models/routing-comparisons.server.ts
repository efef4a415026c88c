import { z } from "zod";
import type { ComparisonReport, ComparisonTotals } from "~/domain/routing-comparison/comparison-report";
import type { RoutingSettings } from "~/domain/routing-settings/settings";
import { sqlExecute, sqlRows, type Db } from "~/db/sql.server";

/**
 * "Compare with the last 30 days" runs (RoutingComparison) and the comparison each saved
 * version of the rules was saved with (RoutingSettingsComparison). Plain SQL (decision 015):
 * these tables are newer than the generated client. Every statement is scoped by shop.
 */

export type ComparisonStatus = "RUNNING" | "DONE" | "FAILED";

export interface StoredComparison {
  id: string;
  shop: string;
  status: ComparisonStatus;
  draftSettings: RoutingSettings;
  liveVersion: number | null;
  rangeFrom: Date;
  rangeTo: Date;
  timeZone: string;
  currency: string;
  orders: number;
  stepsDone: number;
  stepsTotal: number;
  report: ComparisonReport | null;
  error: string | null;
  createdAt: Date;
  completedAt: Date | null;
}

const COLUMNS = `"id", "shop", "status", "draftSettings", "liveVersion", "rangeFrom", "rangeTo", "timeZone", "currency",
  "orders", "stepsDone", "stepsTotal", "report", "error", "createdAt", "completedAt"`;

/** The draft as stored; both drivers hand jsonb back parsed. */
const statusSchema = z.enum(["RUNNING", "DONE", "FAILED"]);

function readComparison(row: Omit<StoredComparison, "status"> & { status: string }): StoredComparison {
  return { ...row, status: statusSchema.parse(row.status) };
}

export async function insertComparison(
  db: Db,
  comparison: Pick<
    StoredComparison,
    | "id"
    | "shop"
    | "draftSettings"
    | "liveVersion"
    | "rangeFrom"
    | "rangeTo"
    | "timeZone"
    | "currency"
    | "orders"
    | "stepsTotal"
  >,
): Promise<void> {
  await sqlExecute(
    db,
    `INSERT INTO "RoutingComparison" ("id", "shop", "status", "draftSettings", "liveVersion", "rangeFrom", "rangeTo",
       "timeZone", "currency", "orders", "stepsTotal")
     VALUES ($1::uuid, $2, 'RUNNING', $3::jsonb, $4, $5, $6, $7, $8, $9, $10)`,
    [
      comparison.id,
      comparison.shop,
      comparison.draftSettings,
      comparison.liveVersion,
      comparison.rangeFrom,
      comparison.rangeTo,
      comparison.timeZone,
      comparison.currency,
      comparison.orders,
      comparison.stepsTotal,
    ],
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The shop's comparison, or null (another shop's, or an id that is not one). */
export async function findComparison(db: Db, shop: string, id: string): Promise<StoredComparison | null> {
  if (!UUID.test(id)) return null;
  const [row] = await sqlRows<Omit<StoredComparison, "status"> & { status: string }>(
    db,
    `SELECT ${COLUMNS} FROM "RoutingComparison" WHERE "shop" = $1 AND "id" = $2::uuid`,
    [shop, id],
  );
  return row ? readComparison(row) : null;
}

export async function recordComparisonProgress(db: Db, shop: string, id: string, stepsDone: number): Promise<void> {
  await sqlExecute(
    db,
    `UPDATE "RoutingComparison" SET "stepsDone" = $3 WHERE "shop" = $1 AND "id" = $2::uuid AND "status" = 'RUNNING'`,
    [shop, id, stepsDone],
  );
}

export async function completeComparison(db: Db, shop: string, id: string, report: ComparisonReport): Promise<void> {
  await sqlExecute(
    db,
    `UPDATE "RoutingComparison"
        SET "status" = 'DONE', "stepsDone" = "stepsTotal", "report" = $3::jsonb, "error" = NULL, "completedAt" = now()
      WHERE "shop" = $1 AND "id" = $2::uuid`,
    [shop, id, report],
  );
}

export async function failComparison(db: Db, shop: string, id: string, error: string): Promise<void> {
  await sqlExecute(
    db,
    `UPDATE "RoutingComparison" SET "status" = 'FAILED', "error" = $3, "completedAt" = now()
      WHERE "shop" = $1 AND "id" = $2::uuid AND "status" <> 'DONE'`,
    [shop, id, error.slice(0, 2000)],
  );
}

export interface VersionComparison {
  version: number;
  comparisonId: string;
  rangeFrom: Date;
  rangeTo: Date;
  currency: string;
  totals: ComparisonTotals;
  comparedAt: Date;
}

/**
 * Records `comparison` as the one `version` was saved with. A version is saved once, so a second
 * record for it (a retried save) keeps the first.
 */
export async function recordVersionComparison(
  db: Db,
  shop: string,
  version: number,
  comparison: StoredComparison & { report: ComparisonReport },
  totals: ComparisonTotals,
): Promise<void> {
  await sqlExecute(
    db,
    `INSERT INTO "RoutingSettingsComparison" ("shop", "version", "comparisonId", "rangeFrom", "rangeTo", "currency", "totals", "comparedAt")
     VALUES ($1, $2, $3::uuid, $4, $5, $6, $7::jsonb, $8)
     ON CONFLICT ("shop", "version") DO NOTHING`,
    [
      shop,
      version,
      comparison.id,
      comparison.rangeFrom,
      comparison.rangeTo,
      comparison.currency,
      totals,
      comparison.completedAt ?? new Date(),
    ],
  );
}

/** The comparisons recorded with the shop's versions `versions`. */
export async function listVersionComparisons(
  db: Db,
  shop: string,
  versions: readonly number[],
): Promise<VersionComparison[]> {
  if (versions.length === 0) return [];
  return sqlRows<VersionComparison>(
    db,
    `SELECT "version", "comparisonId"::text AS "comparisonId", "rangeFrom", "rangeTo", "currency", "totals", "comparedAt"
       FROM "RoutingSettingsComparison" WHERE "shop" = $1 AND "version" = ANY($2::int[])`,
    [shop, versions],
  );
}

/** The names (#1001) of the shop's orders `orderIds` that the app has facts for. */
export async function orderNamesOf(db: Db, shop: string, orderIds: readonly string[]): Promise<Map<string, string>> {
  if (orderIds.length === 0) return new Map();
  const rows = await sqlRows<{ orderId: string; name: string }>(
    db,
    `SELECT "orderId", "name" FROM "RoutedOrder" WHERE "shop" = $1 AND "orderId" = ANY($2::text[])`,
    [shop, orderIds],
  );
  return new Map(rows.map((row) => [row.orderId, row.name]));
}

/** How many decisions the shop made in [from, to): decides whether a comparison runs inline or as a job. */
export async function countDecisionsBetween(db: Db, shop: string, from: Date, to: Date): Promise<number> {
  const [row] = await sqlRows<{ count: number }>(
    db,
    `SELECT count(*)::int AS "count" FROM "RoutingDecision" WHERE "shop" = $1 AND "decidedAt" >= $2 AND "decidedAt" < $3`,
    [shop, from, to],
  );
  return row?.count ?? 0;
}

/** How many active locations the shop has: the other half of a comparison's size (its starting stock). */
export async function countActiveLocations(db: Db, shop: string): Promise<number> {
  const [row] = await sqlRows<{ count: number }>(
    db,
    `SELECT count(*)::int AS "count" FROM "Location" WHERE "shop" = $1 AND "isActive"`,
    [shop],
  );
  return row?.count ?? 0;
}

/** Compliance: every comparison run of the shop. */
export function eraseComparisonsOfShop(db: Db, shop: string): Promise<number> {
  return sqlExecute(db, `DELETE FROM "RoutingComparison" WHERE "shop" = $1`, [shop]);
}

/** Compliance: the comparisons the shop's versions were saved with. */
export function eraseVersionComparisonsOfShop(db: Db, shop: string): Promise<number> {
  return sqlExecute(db, `DELETE FROM "RoutingSettingsComparison" WHERE "shop" = $1`, [shop]);
}

/** Compliance: a comparison lists changed orders by id and name; those naming the customer's orders go. */
export async function deleteComparisonsListingOrders(
  db: Db,
  shop: string,
  orderIds: readonly string[],
): Promise<number> {
  if (orderIds.length === 0) return 0;
  return sqlExecute(
    db,
    `DELETE FROM "RoutingComparison" c
      WHERE c."shop" = $1
        AND EXISTS (SELECT 1 FROM jsonb_array_elements(COALESCE(c."report"->'changedOrders'->'listed', '[]'::jsonb)) AS listed
                     WHERE listed->>'orderId' = ANY($2::text[]))`,
    [shop, orderIds],
  );
}

/** Compliance: the comparisons that list the customer's orders, as the customer would be shown them. */
export async function exportComparisonsListingOrders(
  db: Db,
  shop: string,
  orderIds: readonly string[],
): Promise<{ comparisonId: string; comparedAt: Date; orderId: string }[]> {
  if (orderIds.length === 0) return [];
  return sqlRows(
    db,
    `SELECT c."id"::text AS "comparisonId", c."createdAt" AS "comparedAt", listed->>'orderId' AS "orderId"
       FROM "RoutingComparison" c
      CROSS JOIN LATERAL jsonb_array_elements(COALESCE(c."report"->'changedOrders'->'listed', '[]'::jsonb)) AS listed
      WHERE c."shop" = $1 AND listed->>'orderId' = ANY($2::text[])`,
    [shop, orderIds],
  );
}

/**
 * Retention: the shop's comparisons started before `before` that no saved version was recorded
 * with (RoutingSettingsComparison) are deleted; returns how many.
 */
export function deleteUnattachedComparisonsBefore(db: Db, shop: string, before: Date): Promise<number> {
  return sqlExecute(
    db,
    `DELETE FROM "RoutingComparison" c
      WHERE c."shop" = $1 AND c."createdAt" < $2
        AND NOT EXISTS (SELECT 1 FROM "RoutingSettingsComparison" v WHERE v."shop" = c."shop" AND v."comparisonId" = c."id")`,
    [shop, before],
  );
}
