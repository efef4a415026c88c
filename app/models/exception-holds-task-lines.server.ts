import type { Prisma } from "@prisma/client";

type Db = Prisma.TransactionClient;

/**
 * The reroute's own bookkeeping on a store task: the lines it moved to another location leave
 * the task at once (taken off, kept as history), as the fulfilment order's sync would take them
 * off when it runs, so the task can go back to picking what is left in the same transaction.
 */
export async function takeLinesOffStoreTask(
  db: Db,
  shop: string,
  taskId: string,
  lineItemIds: readonly string[],
  at: Date,
): Promise<void> {
  if (lineItemIds.length === 0) return;
  await db.storeTaskLine.updateMany({
    where: { shop, taskId, lineItemId: { in: [...lineItemIds] }, takenOffAt: null },
    data: { takenOffAt: at },
  });
}

/**
 * The merchant released the hold the reroute put on the fulfilment order: the lines reported
 * not found or damaged are the store's to pick again (the report stays in the task's events).
 */
export async function releaseReportedLines(
  db: Db,
  shop: string,
  taskId: string,
  lineItemIds: readonly string[],
): Promise<void> {
  if (lineItemIds.length === 0) return;
  await db.storeTaskLine.updateMany({
    where: { shop, taskId, lineItemId: { in: [...lineItemIds] }, takenOffAt: null },
    data: { exceptionReason: null, exceptionNote: null },
  });
}
