import prisma from "~/db.server";
import { latePickupTasksNotYetTold } from "~/models/notification-plans.server";
import { planOrderNotifications } from "./cadence.server";
import { cadenceClock } from "./clock.server";

/**
 * Pickup orders whose promise has passed without the order being ready: the shopper is told
 * (the cadence's DELAY_NOTICE, in the store's zone and sending window). Each order once: the
 * notice's row (sent, skipped or cancelled) keeps it out of the next scan.
 */

/** Orders looked at per run; the rest wait a minute for the next. */
const BATCH = 500;

export async function tellLatePickupOrders(now: Date = new Date()): Promise<number> {
  const late = await latePickupTasksNotYetTold(prisma, now, BATCH);
  let told = 0;
  for (const task of late) {
    await prisma.$transaction(async (tx) => {
      await planOrderNotifications(tx, task.shop, {
        orderId: task.orderId,
        locationId: task.locationId,
        deliveryMethod: "PICK_UP",
        // Late by the stores' real clock (due times are real); told on the cadence's (ADR 012).
        event: { type: "RUNNING_LATE", at: cadenceClock.at(now) },
      });
    });
    told++;
  }
  return told;
}
