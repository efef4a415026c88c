import type { TaskSummary } from "../api/contract";
import { ago, clockTime, kindLabel, plural, stateLabel } from "../format";

/** Who the order is for and how urgent it is, the same on every screen and in the queue. */
export function TaskBadges({ task }: { task: TaskSummary }) {
  return (
    <s-stack direction="inline" gap="small">
      {task.waiting && (
        <s-badge tone="critical">
          {task.waiting.spot ? `Customer waiting — spot ${task.waiting.spot}` : "Customer waiting"}
        </s-badge>
      )}
      {task.late && <s-badge tone="critical">Late</s-badge>}
      <s-badge tone="neutral">{kindLabel(task.kind)}</s-badge>
      <s-badge tone="info">{stateLabel(task.state)}</s-badge>
    </s-stack>
  );
}

export function taskTitle(task: Pick<TaskSummary, "orderName" | "customerName">): string {
  return task.customerName ? `${task.orderName} · ${task.customerName}` : task.orderName;
}

export function taskTimes(task: TaskSummary, now: number): string {
  const parts = [plural(task.units, "item", "items"), `assigned ${ago(task.assignedAt, now)}`];
  if (task.dueAt) parts.push(`due ${clockTime(task.dueAt, now)}`);
  if (task.bin) parts.push(`bin ${task.bin}`);
  return parts.join(" · ");
}

export function TaskHeading({ task, now }: { task: TaskSummary; now: number }) {
  return (
    <s-stack direction="block" gap="small">
      <s-heading>{taskTitle(task)}</s-heading>
      <TaskBadges task={task} />
      <s-text color="subdued">{taskTimes(task, now)}</s-text>
    </s-stack>
  );
}
