import type { TaskState, TaskSummary } from "../api/contract";
import { go, routeForTask, type Route } from "../routes";

const FINISHED: readonly TaskState[] = ["PICKED_UP", "SHIPPED", "DELIVERED", "CANCELLED"];

const NEXT_LABELS: Record<Route["screen"], string> = {
  Queue: "Back to the queue",
  Task: "Continue picking",
  Pack: "Continue to packing",
  Stage: "Continue to staging",
  Ready: "Continue to mark ready",
  Handover: "Continue to handover",
  Ship: "Continue to shipping",
  Exception: "Report a problem",
};

export function isFinished(task: Pick<TaskSummary, "state">): boolean {
  return FINISHED.includes(task.state);
}

/**
 * When the task has moved on from what this screen does (a kept action went through later, or
 * another device did the step), the way to where its work continues.
 */
export function NextStep({ task, here }: { task: TaskSummary; here: Route["screen"] }) {
  if (isFinished(task)) return <BackToQueue />;
  const next = routeForTask(task);
  if (next.screen === here) return null;
  return (
    <s-button variant="primary" onClick={() => go(next)}>
      {NEXT_LABELS[next.screen]}
    </s-button>
  );
}

export function BackToQueue() {
  return <s-button onClick={() => go({ screen: "Queue" })}>{NEXT_LABELS.Queue}</s-button>;
}
