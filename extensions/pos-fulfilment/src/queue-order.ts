import type { TaskSummary } from "./api/contract";

function dueTime(task: TaskSummary): number {
  return task.dueAt ? Date.parse(task.dueAt) : Number.POSITIVE_INFINITY;
}

/**
 * The order associates work in: customers waiting at the store first, then late orders, then by
 * due time (orders without one last), oldest assignment breaking ties. The server sorts the same
 * way; sorting here too keeps the screen right while an answer is merged or replayed.
 */
export function inWorkOrder(tasks: readonly TaskSummary[]): TaskSummary[] {
  return [...tasks].sort(
    (a, b) =>
      Number(b.waiting !== null) - Number(a.waiting !== null) ||
      Number(b.late) - Number(a.late) ||
      dueTime(a) - dueTime(b) ||
      Date.parse(a.assignedAt) - Date.parse(b.assignedAt),
  );
}
