import prisma from "~/db.server";
import {
  CHECK_IN_LIMIT_MESSAGE,
  CHECK_IN_WINDOW_MINUTES,
  checkInRefusal,
  isOverCheckInLimit,
  parseCheckInForm,
  type CheckInForm,
} from "~/domain/pickup-pass/check-in";
import type { FieldErrors } from "~/domain/form-result";
import { isStillToCollect, passStatusOf } from "~/domain/pickup-pass/pickup-pass";
import { countCustomerArrivalsSince, lockPickupTasksOfOrderAt, markCustomerWaiting } from "~/models/pickup-pass.server";
import { recordStoreTaskEvent } from "~/models/store-tasks.server";
import { readPickupPassToken } from "./pickup-pass-link.server";
import { livePickupTasks } from "./pickup-pass.server";

/**
 * The shopper's "I'm here" on the pickup pass (curbside): the order's open pickup tasks at that
 * store show "Customer waiting — spot 4" at the top of its POS queue, with a critical tile,
 * until the order is handed over or leaves the store. A second tap changes the spot; the
 * waiting time still counts from the first. Each tap is an event on the task (the order page's
 * timeline tells it), and the events are what the rate limit counts.
 */

export type CheckInOutcome =
  | { ok: true; message: string; spot: string | null; firstArrival: boolean }
  | { ok: false; status: 400 | 404 | 409 | 429; message: string; errors?: FieldErrors<keyof CheckInForm> };

const NOT_FOUND = "This pickup pass is not valid, or its order was collected long ago";
const MINUTE = 60_000;

function arrivedMessage(spot: string | null, ready: boolean): string {
  const here = `Thanks, the store knows you are here${spot ? ` (spot ${spot})` : ""}.`;
  return ready
    ? `${here} Someone will bring your order out shortly.`
    : `${here} Your order is still being prepared: they will bring it out as soon as it is ready.`;
}

export async function checkIn(token: string | undefined, form: CheckInForm, now = new Date()): Promise<CheckInOutcome> {
  const claims = readPickupPassToken(token);
  if (!claims || !(await livePickupTasks(claims, now))) return { ok: false, status: 404, message: NOT_FOUND };
  const parsed = parseCheckInForm(form);
  if (!parsed.ok) {
    return { ok: false, status: 400, message: "Check what you typed and try again", errors: parsed.errors };
  }
  const { locationId, spot } = parsed.values;
  return prisma.$transaction(async (tx): Promise<CheckInOutcome> => {
    const tasks = await lockPickupTasksOfOrderAt(tx, claims.shop, claims.orderId, locationId);
    const refusal = checkInRefusal(tasks.map(passStatusOf));
    if (refusal) return { ok: false, status: refusal.reason === "NOT_HERE" ? 404 : 409, message: refusal.message };
    const open = tasks.filter((task) => isStillToCollect(passStatusOf(task)));
    // Every open task here records each check-in alike, so the first one's count is the store's
    // (there is one: checkInRefusal refuses a store with none).
    const since = new Date(now.getTime() - CHECK_IN_WINDOW_MINUTES * MINUTE);
    if (isOverCheckInLimit(await countCustomerArrivalsSince(tx, claims.shop, open[0]!.id, since))) {
      return { ok: false, status: 429, message: CHECK_IN_LIMIT_MESSAGE };
    }
    for (const task of open) {
      await markCustomerWaiting(tx, claims.shop, task.id, { since: task.customerWaitingAt ?? now, spot });
      await recordStoreTaskEvent(tx, claims.shop, {
        taskId: task.id,
        fromState: task.state,
        toState: task.state,
        locationId,
        at: now,
        detail: { kind: "CUSTOMER_ARRIVED", spot },
      });
    }
    return {
      ok: true,
      message: arrivedMessage(
        spot,
        open.every((task) => task.state === "READY"),
      ),
      spot,
      firstArrival: open.some((task) => task.customerWaitingAt === null),
    };
  });
}
