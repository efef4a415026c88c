import type { TaskKind, TaskState, TaskSummary } from "./api/contract";

const STATE_LABELS: Record<TaskState, string> = {
  NEW: "New",
  PICKING: "Picking",
  PACKED: "Packed",
  STAGED: "Staged",
  READY: "Ready for pickup",
  PICKED_UP: "Picked up",
  SHIPPED: "Shipped",
  OUT_FOR_DELIVERY: "Out for delivery",
  DELIVERED: "Delivered",
  EXCEPTION: "Problem reported",
  CANCELLED: "Cancelled",
};

const KIND_LABELS: Record<TaskKind, string> = { PICKUP: "Pickup", SHIP: "Ship", LOCAL_DELIVERY: "Local delivery" };

export function stateLabel(state: TaskState): string {
  return STATE_LABELS[state] ?? state;
}

export function kindLabel(kind: TaskKind): string {
  return KIND_LABELS[kind] ?? kind;
}

/** What the associate reads while the server's Shopify call for the task is in flight. */
export function pendingLabel(task: Pick<TaskSummary, "pending" | "kind">): string | null {
  switch (task.pending) {
    case "PROGRESS":
      return "Picking — telling Shopify";
    case "READY":
      return "Ready — telling Shopify";
    case "FULFILL":
      return task.kind === "PICKUP" ? "Handed over — telling Shopify" : "Shipped — telling Shopify";
    default:
      return null;
  }
}

/** "0:42", "5:07", "1:02:09". */
export function duration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`;
}

/** "just now", "12 min", "2 h 5 min", "3 days": how long ago an ISO time was. */
export function age(iso: string, now: number): string {
  const minutes = Math.floor((now - Date.parse(iso)) / 60_000);
  if (!(minutes >= 1)) return "just now";
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return days === 1 ? "1 day" : `${days} days`;
}

/** "just now", "12 min ago". */
export function ago(iso: string, now: number): string {
  const since = age(iso, now);
  return since === "just now" ? since : `${since} ago`;
}

/** "14:30" today, "Tue 14:30" on another day, in the device's time zone. */
export function clockTime(iso: string, now: number): string {
  const at = new Date(iso);
  const time = at.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  if (at.toDateString() === new Date(now).toDateString()) return time;
  return `${at.toLocaleDateString([], { weekday: "short" })} ${time}`;
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
