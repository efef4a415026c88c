import { z } from "zod";
import { defineJob, ONE_AT_A_TIME } from "~/jobs/job-definition.server";
import { STANDARD_RETRY } from "~/jobs/queues";
import { cadenceClock } from "../clock.server";
import { cancelUncollectedOrders } from "./cancel-uncollected.server";

/**
 * Every hour, every shop's pickup orders past their uncollected policy's days are cancelled in
 * Shopify (one scan for every shop with auto-cancel on; a policy counts whole days, so an hour's
 * delay is well within it). Each order once: its UncollectedCancellation row says so.
 */
export const notificationsCancelUncollectedJob = defineJob({
  queue: "notifications.cancel-uncollected",
  policy: STANDARD_RETRY,
  cron: "17 * * * *",
  payload: z.object({}),
  // On the cadence's clock: in the demo, "+1 day" can make a pickup uncollected (ADR 012).
  run: async () => void (await cancelUncollectedOrders(cadenceClock.now())),
  consumer: ONE_AT_A_TIME,
  deadLetter: { describe: () => "Cancelling pickup orders not collected in time" },
});
