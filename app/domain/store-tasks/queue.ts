import { isCustomerWaiting, isLate, type TaskClock } from "./timers";
import type { StoreTaskKind, StoreTaskState } from "./types";

/**
 * A store's queue on POS: which tasks each list shows, in what order (customers waiting first,
 * then late orders, then by due time), and the counts on its tabs and tile.
 */

export const QUEUE_VIEWS = ["TO_PICK", "READY", "TO_SHIP"] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

/**
 * The kinds and states each list shows, for a query to select them. A task waiting on a
 * rerouted line (EXCEPTION) stays in its list: the rest of its items are still the store's, and
 * the associate sees why it is held.
 */
export const QUEUE_VIEW_SCOPES: Readonly<
  Record<QueueView, { readonly kinds: readonly StoreTaskKind[]; readonly states: readonly StoreTaskState[] }>
> = {
  TO_PICK: { kinds: ["PICKUP", "LOCAL_DELIVERY"], states: ["NEW", "PICKING", "PACKED", "STAGED", "EXCEPTION"] },
  READY: { kinds: ["PICKUP"], states: ["READY"] },
  TO_SHIP: { kinds: ["SHIP"], states: ["NEW", "PICKING", "PACKED", "EXCEPTION"] },
};

export function isQueueView(value: unknown): value is QueueView {
  return typeof value === "string" && (QUEUE_VIEWS as readonly string[]).includes(value);
}

export function isInView(task: Pick<TaskClock, "kind" | "state">, view: QueueView): boolean {
  const scope = QUEUE_VIEW_SCOPES[view];
  return scope.kinds.includes(task.kind) && scope.states.includes(task.state);
}

export interface QueuedTask extends TaskClock {
  readonly id: string;
}

/**
 * Queue order at `now`: customers waiting (longest waiting first), then late tasks, then by
 * due time (none last), then the oldest assignment; the id settles ties so the list is stable.
 */
export function compareForQueue(now: Date): (a: QueuedTask, b: QueuedTask) => number {
  const rank = (task: QueuedTask) => (isCustomerWaiting(task) ? 0 : isLate(task, now) ? 1 : 2);
  const time = (at: Date | null | undefined) => at?.getTime() ?? Number.POSITIVE_INFINITY;
  const ascending = (x: number, y: number) => (x === y ? 0 : x < y ? -1 : 1);
  return (a, b) =>
    ascending(rank(a), rank(b)) ||
    (rank(a) === 0 ? ascending(time(a.customerWaitingAt), time(b.customerWaitingAt)) : 0) ||
    ascending(time(a.dueAt), time(b.dueAt)) ||
    ascending(a.assignedAt.getTime(), b.assignedAt.getTime()) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The tasks a list shows, in queue order. */
export function queueOf<Task extends QueuedTask>(tasks: readonly Task[], view: QueueView, now: Date): Task[] {
  return tasks.filter((task) => isInView(task, view)).sort(compareForQueue(now));
}

export interface QueueCounts {
  readonly toPick: number;
  readonly ready: number;
  readonly toShip: number;
  /** Late tasks in any list. */
  readonly late: number;
  /** Customers at the store waiting for their order. */
  readonly waiting: number;
}

export function queueCounts(tasks: readonly TaskClock[], now: Date): QueueCounts {
  let toPick = 0;
  let ready = 0;
  let toShip = 0;
  let late = 0;
  let waiting = 0;
  for (const task of tasks) {
    if (isInView(task, "TO_PICK")) toPick++;
    if (isInView(task, "READY")) ready++;
    if (isInView(task, "TO_SHIP")) toShip++;
    if (isLate(task, now)) late++;
    if (isCustomerWaiting(task)) waiting++;
  }
  return { toPick, ready, toShip, late, waiting };
}
