import { Prisma, type StoreTask } from "@prisma/client";

type Db = Prisma.TransactionClient;

/**
 * The store tasks escalation looks at: still new, with a due time, and never escalated before
 * (an ESCALATED event, whether it moved the order or found nowhere, closes the question).
 */

export type EscalationCandidate = Pick<
  StoreTask,
  "id" | "shop" | "locationId" | "kind" | "state" | "assignedAt" | "dueAt" | "readyAt" | "customerWaitingAt"
>;

/** Every shop's new tasks due at or before `dueBy` and not escalated yet, soonest due first. */
export function newStoreTasksDueBy(db: Db, dueBy: Date): Promise<EscalationCandidate[]> {
  // The columns are StoreTask's own, read as Prisma reads them, hence the row type.
  return db.$queryRaw<EscalationCandidate[]>`${newStoreTasksDueByQuery(dueBy)}`;
}

/**
 * Raw SQL with the state written out: the scan runs every minute across every shop, and only a
 * literal 'NEW' lets PostgreSQL use the partial index kept for it ("StoreTask_new_due_idx",
 * migration 20261130115917); a bound parameter would not match the index's predicate.
 */
export function newStoreTasksDueByQuery(dueBy: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT t.id, t.shop, t."locationId", t.kind, t.state, t."assignedAt", t."dueAt", t."readyAt", t."customerWaitingAt"
      FROM "StoreTask" t
     WHERE t.state = 'NEW' AND t."dueAt" IS NOT NULL AND t."dueAt" <= ${dueBy}
       AND NOT EXISTS (SELECT 1 FROM "StoreTaskEvent" event
                        WHERE event."taskId" = t.id AND event.detail ->> 'kind' = 'ESCALATED')
     ORDER BY t."dueAt" ASC`;
}
