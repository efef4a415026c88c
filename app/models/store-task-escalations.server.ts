import type { Prisma, StoreTask } from "@prisma/client";

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
  return db.storeTask.findMany({
    where: {
      state: "NEW",
      dueAt: { not: null, lte: dueBy },
      events: { none: { detail: { path: ["kind"], equals: "ESCALATED" } } },
    },
    select: {
      id: true,
      shop: true,
      locationId: true,
      kind: true,
      state: true,
      assignedAt: true,
      dueAt: true,
      readyAt: true,
      customerWaitingAt: true,
    },
    orderBy: { dueAt: "asc" },
  });
}
