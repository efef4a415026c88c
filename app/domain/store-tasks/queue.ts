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

/** Where a task stands in queue order, worked out once per task rather than at every comparison. */
interface QueuePlace<Task> {
  readonly task: Task;
  /** 0: a customer is waiting, 1: late, 2: the rest. */
  readonly rank: number;
  readonly waitingSince: number;
  readonly due: number;
  readonly assigned: number;
}

function placeOf<Task extends QueuedTask>(task: Task, now: Date): QueuePlace<Task> {
  const waiting = isCustomerWaiting(task);
  return {
    task,
    rank: waiting ? 0 : isLate(task, now) ? 1 : 2,
    waitingSince: waiting ? (task.customerWaitingAt?.getTime() ?? Number.POSITIVE_INFINITY) : 0,
    due: task.dueAt?.getTime() ?? Number.POSITIVE_INFINITY,
    assigned: task.assignedAt.getTime(),
  };
}

const ascending = (x: number, y: number) => (x === y ? 0 : x < y ? -1 : 1);

function comparePlaces<Task extends QueuedTask>(a: QueuePlace<Task>, b: QueuePlace<Task>): number {
  return (
    ascending(a.rank, b.rank) ||
    ascending(a.waitingSince, b.waitingSince) ||
    ascending(a.due, b.due) ||
    ascending(a.assigned, b.assigned) ||
    (a.task.id < b.task.id ? -1 : a.task.id > b.task.id ? 1 : 0)
  );
}

/**
 * The tasks a list shows, in queue order at `now`: customers waiting (longest waiting first),
 * then late tasks, then by due time (none last), then the oldest assignment; the id settles ties
 * so the list is stable. Each task's place is worked out once: a store's devices sort hundreds of
 * tasks on every poll.
 */
export function queueOf<Task extends QueuedTask>(tasks: readonly Task[], view: QueueView, now: Date): Task[] {
  return tasks
    .filter((task) => isInView(task, view))
    .map((task) => placeOf(task, now))
    .sort(comparePlaces)
    .map((place) => place.task);
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
