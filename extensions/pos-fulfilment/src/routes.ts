import type { QueueView, TaskSummary } from "./api/contract";
import { isRecord } from "./api/client";

/**
 * The modal's screens. Each screen POS shows runs in its own sandbox (shopify.dev, POS Navigation
 * API), so a screen learns what to show only from its navigation state: the route travels whole.
 */
export type Route =
  | { screen: "Queue"; view?: QueueView }
  | { screen: "Task"; taskId: string }
  | { screen: "Pack"; taskId: string }
  | { screen: "Stage"; taskId: string }
  | { screen: "Ready"; taskId: string }
  | { screen: "Handover"; taskId?: string }
  | { screen: "Ship"; taskId: string }
  | { screen: "Exception"; taskId: string; lineItemId?: string };

const TASK_SCREENS = ["Task", "Pack", "Stage", "Ready", "Ship"] as const;
const VIEWS = ["TO_PICK", "READY", "TO_SHIP"] as const;

function isTaskScreen(value: unknown): value is (typeof TASK_SCREENS)[number] {
  return TASK_SCREENS.some((screen) => screen === value);
}

export function isQueueView(value: unknown): value is QueueView {
  return VIEWS.some((view) => view === value);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === "string" && value ? value : undefined;
}

/** Reads a navigation state back into a route; anything unknown opens the queue. */
export function routeFromState(state: unknown): Route {
  if (!isRecord(state)) return { screen: "Queue" };
  const taskId = optionalString(state.taskId);
  const { screen } = state;
  if (screen === "Handover") return { screen, taskId };
  if (screen === "Exception" && taskId) return { screen, taskId, lineItemId: optionalString(state.lineItemId) };
  if (isTaskScreen(screen) && taskId) return { screen, taskId };
  return { screen: "Queue", view: isQueueView(state.view) ? state.view : undefined };
}

export function currentRoute(): Route {
  return routeFromState(navigation.currentEntry.getState());
}

export function go(route: Route): void {
  void navigation.navigate(route.screen, { state: route });
}

/** The screen that continues a task's work from its current state. */
export function routeForTask(task: Pick<TaskSummary, "id" | "kind" | "state">): Route {
  const taskId = task.id;
  switch (task.state) {
    case "PACKED":
      return task.kind === "PICKUP" ? { screen: "Stage", taskId } : { screen: "Ship", taskId };
    case "STAGED":
      return { screen: "Ready", taskId };
    case "READY":
      return { screen: "Handover", taskId };
    case "OUT_FOR_DELIVERY":
      return { screen: "Ship", taskId };
    default:
      return { screen: "Task", taskId };
  }
}
