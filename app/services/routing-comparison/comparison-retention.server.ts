import prisma, { sqlPool } from "~/db.server";
import { deleteUnattachedComparisonsBefore } from "~/models/routing-comparisons.server";
import { listInstalledShops } from "~/models/shop-installations.server";

/**
 * How long a comparison no saved version was recorded with is kept. A merchant compares, reads the
 * figures and saves within a session; a week leaves room to come back to the page the next days.
 * One a version was saved with stays as long as the version: the history shows its totals.
 */
export const COMPARISON_RETENTION_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes every installed shop's comparisons past the retention that no version kept; how many per shop. */
export async function pruneComparisons(now: Date): Promise<Map<string, number>> {
  const before = new Date(now.getTime() - COMPARISON_RETENTION_DAYS * DAY_MS);
  const pruned = new Map<string, number>();
  for (const shop of await listInstalledShops(prisma)) {
    pruned.set(shop, await deleteUnattachedComparisonsBefore(sqlPool, shop, before));
  }
  return pruned;
}
