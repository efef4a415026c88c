import type { Prisma } from "@prisma/client";

/**
 * The shop's rows in pg-boss's tables: queued, running, completed and archived jobs alike (a
 * completed job is kept for days with its data). A job belongs to the shop its data names.
 */
export async function deleteShopJobs(
  db: Prisma.TransactionClient,
  shop: string,
  { except }: { except: readonly string[] },
): Promise<number> {
  let deleted = 0;
  for (const table of ["job", "archive"] as const) {
    deleted += await db.$executeRawUnsafe(
      `DELETE FROM pgboss.${table} WHERE data->>'shop' = $1 AND NOT (name = ANY($2::text[]))`,
      shop,
      [...except],
    );
  }
  return deleted;
}
