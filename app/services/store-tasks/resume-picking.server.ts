import type { Prisma } from "@prisma/client";
import { decideTransition } from "~/domain/store-tasks/transitions";
import { PENDING_ACTION_FOR_EFFECT, type PickLine } from "~/domain/store-tasks/types";
import { changeStoreTask } from "~/models/store-tasks-associate.server";
import type { StoreTaskEventDetail } from "~/models/store-tasks-event-detail";
import { recordStoreTaskEvent, type StoreTaskWithLines } from "~/models/store-tasks.server";
import { storeTasksShopifyEffectJob } from "./shopify-effect.job.server";

/**
 * A task in exception goes back to picking, by the app (its reported lines rerouted, or the
 * merchant released the hold on them), with the event that says why and the progress report
 * Shopify is owed again. False when the state machine says it cannot yet (another reported line
 * still waits): the task then stays in exception. `lines` are the task's lines as they now stand.
 */
export async function resumePicking(
  tx: Prisma.TransactionClient,
  shop: string,
  task: StoreTaskWithLines,
  lines: readonly PickLine[],
  at: Date,
  detail: Extract<StoreTaskEventDetail, { kind: "TRANSITION" | "HOLD_RELEASED" }>,
): Promise<boolean> {
  const decision = decideTransition(
    { kind: task.kind, state: task.state, bin: task.bin, endedReason: task.endedReason, lines },
    "PICKING",
    { by: "SYSTEM" },
  );
  if (!decision.ok) return false;
  await changeStoreTask(tx, shop, task.id, {
    state: "PICKING",
    ...(decision.shopifyEffect ? { pendingShopifyAction: PENDING_ACTION_FOR_EFFECT[decision.shopifyEffect] } : {}),
  });
  await recordStoreTaskEvent(tx, shop, {
    taskId: task.id,
    fromState: task.state,
    toState: "PICKING",
    locationId: task.locationId,
    at,
    detail,
  });
  if (decision.shopifyEffect) {
    await storeTasksShopifyEffectJob.enqueue(tx, { shop, taskId: task.id, effect: decision.shopifyEffect });
  }
  return true;
}
