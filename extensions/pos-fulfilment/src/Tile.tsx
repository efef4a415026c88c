import "@shopify/ui-extensions/preact";
import { render } from "preact";
import type { QueueAnswer } from "./api/contract";
import { fetchQueue } from "./api/endpoints";
import { plural } from "./format";
import { useOnline } from "./hooks/connectivity";
import { useLoad } from "./hooks/load";

const TILE_REREAD_MS = 30_000;

/**
 * Tasks that need someone now: everything to pick or ship, and ready orders whose customer is
 * at the store. (A waiting customer's order that is not ready yet is already in "to pick".)
 */
export function needingAction({ counts, tasks }: QueueAnswer): number {
  return counts.toPick + counts.toShip + tasks.filter((task) => task.waiting).length;
}

function subheading(answer: QueueAnswer): string {
  const { late, waiting, notStarted = 0 } = answer.counts;
  const parts: string[] = [];
  if (waiting > 0) parts.push(`${plural(waiting, "customer", "customers")} waiting`);
  if (late > 0) parts.push(`${late} late`);
  if (notStarted > 0) parts.push(`${notStarted} not started`);
  if (parts.length > 0) return parts.join(" · ");
  return needingAction(answer) === 0 ? "Nothing to do" : "All on time";
}

function Tile() {
  const online = useOnline();
  // The READY view's tasks tell which ready orders have a customer waiting; the counts cover the rest.
  const queue = useLoad(() => fetchQueue("READY"), String(online), TILE_REREAD_MS);
  const answer = queue.data;
  const attention =
    answer !== null && (answer.counts.late > 0 || answer.counts.waiting > 0 || (answer.counts.notStarted ?? 0) > 0);
  let status = "Loading…";
  if (!online) status = "Offline";
  else if (queue.error) status = queue.error.signInAgain ? "Sign in again" : "Can't reach Omniroute";
  else if (answer) status = subheading(answer);

  return (
    <s-tile
      heading="Online orders"
      subheading={status}
      itemCount={answer ? needingAction(answer) : undefined}
      tone={attention ? "accent" : "neutral"}
      onClick={() => shopify.action.presentModal()}
    />
  );
}

export default async () => {
  render(<Tile />, document.body);
};
