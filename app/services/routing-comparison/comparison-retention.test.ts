import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import prisma, { sqlPool } from "~/db.server";
import { sqlExecute, sqlRows } from "~/db/sql.server";
import { DEFAULT_ROUTING_SETTINGS } from "~/domain/routing-settings/settings";
import { insertComparison } from "~/models/routing-comparisons.server";
import { recordInstallation } from "~/models/shop-installations.server";
import { uniqueShop } from "../../../tests/support/shops";
import { COMPARISON_RETENTION_DAYS, pruneComparisons } from "./comparison-retention.server";

const NOW = new Date("2026-11-27T09:15:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 60 * 60 * 1000);

/** A comparison of the shop started `createdAt`; with `savedAs`, recorded with that version. */
async function comparison(shop: string, createdAt: Date, savedAs?: number): Promise<string> {
  const id = crypto.randomUUID();
  await insertComparison(sqlPool, {
    id,
    shop,
    draftSettings: DEFAULT_ROUTING_SETTINGS,
    liveVersion: null,
    rangeFrom: daysAgo(60),
    rangeTo: daysAgo(30),
    timeZone: "UTC",
    currency: "USD",
    orders: 0,
    stepsTotal: 1000,
  });
  await sqlExecute(sqlPool, `UPDATE "RoutingComparison" SET "createdAt" = $2 WHERE "id" = $1::uuid`, [id, createdAt]);
  if (savedAs !== undefined) {
    await sqlExecute(
      sqlPool,
      `INSERT INTO "RoutingSettingsComparison" ("shop", "version", "comparisonId", "rangeFrom", "rangeTo", "currency", "totals", "comparedAt")
       VALUES ($1, $2, $3::uuid, $4, $4, 'USD', '{}'::jsonb, $4)`,
      [shop, savedAs, id, createdAt],
    );
  }
  return id;
}

const idsOf = async (shop: string) =>
  (
    await sqlRows<{ id: string }>(sqlPool, `SELECT "id"::text AS "id" FROM "RoutingComparison" WHERE "shop" = $1`, [
      shop,
    ])
  )
    .map((row) => row.id)
    .sort();

describe("routing comparison retention", () => {
  it(`deletes comparisons older than ${COMPARISON_RETENTION_DAYS} days that no saved version kept, and only those`, async () => {
    const shop = uniqueShop();
    const other = uniqueShop();
    await recordInstallation(prisma, shop, null, daysAgo(90));
    await comparison(shop, daysAgo(COMPARISON_RETENTION_DAYS + 1));
    const kept = await comparison(shop, daysAgo(COMPARISON_RETENTION_DAYS + 30), 1);
    const recent = await comparison(shop, daysAgo(COMPARISON_RETENTION_DAYS - 1));
    // Another shop's old comparison, recorded with a version number the first shop's kept one also has.
    const othersOld = await comparison(other, daysAgo(COMPARISON_RETENTION_DAYS + 1));
    const othersKept = await comparison(other, daysAgo(COMPARISON_RETENTION_DAYS + 2), 1);

    const pruned = await pruneComparisons(NOW);

    expect(pruned.get(shop)).toBe(1);
    expect(await idsOf(shop)).toEqual([kept, recent].sort());
    // Not installed, so not pruned: erasure on uninstall removes its rows.
    expect(pruned.has(other)).toBe(false);
    expect(await idsOf(other)).toEqual([othersOld, othersKept].sort());

    await recordInstallation(prisma, other, null, daysAgo(90));
    expect((await pruneComparisons(NOW)).get(other)).toBe(1);
    expect(await idsOf(other)).toEqual([othersKept]);
    expect(await idsOf(shop)).toEqual([kept, recent].sort());
  });
});
