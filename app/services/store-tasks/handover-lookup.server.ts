import prisma from "~/db.server";
import { matchesNameAndOrder } from "~/domain/store-tasks/handover-lookup";
import { readPresentedCode } from "~/domain/store-tasks/pickup-code";
import { findTaskIdByPickupCode } from "~/models/store-tasks-associate.server";
import { listLocationQueue } from "~/models/store-tasks.server";
import { answered, LOCATION_NOT_A_STORE, refused, type PosCaller, type PosOutcome } from "./pos-outcome";
import { loadTaskView, storeOf } from "./task-reads.server";
import type { TaskView } from "./task-view";

/**
 * Finding the order a shopper came for, at the counter: by the pickup code (typed in any case,
 * with dashes or spaces, or the QR code's text scanned), or by order number and last name.
 * Only orders ready for pickup at this store are found. It changes nothing, so the request id
 * the POS sends with it has nothing to make idempotent.
 */

export type HandoverQuery = { readonly code: string } | { readonly orderName: string; readonly lastName: string };

const NO_MATCH = "No order ready for pickup here matches";

export async function lookupHandover(
  caller: PosCaller,
  query: HandoverQuery,
  now = new Date(),
): Promise<PosOutcome<{ task: TaskView }>> {
  const store = await storeOf(caller);
  if (!store) return refused("NOT_FOUND", LOCATION_NOT_A_STORE);
  const taskId = await findReadyTask(caller, query);
  const task = taskId ? await loadTaskView(caller, taskId, now, store.settings) : null;
  return task ? answered({ task }) : refused("NOT_FOUND", NO_MATCH);
}

async function findReadyTask(caller: PosCaller, query: HandoverQuery): Promise<string | null> {
  if ("code" in query) {
    const presented = readPresentedCode(query.code);
    if (!presented) return null;
    return findTaskIdByPickupCode(prisma, caller.shop, caller.locationId, presented.code, ["READY"]);
  }
  const ready = await listLocationQueue(prisma, caller.shop, caller.locationId, ["READY"]);
  // Two orders could match a short number and a common name: then neither is handed over blindly.
  const matches = ready.filter((task) => matchesNameAndOrder(task, query));
  return matches.length === 1 ? matches[0]!.id : null;
}
