import { z } from "zod";
import { defineJob, ONE_AT_A_TIME } from "~/jobs/job-definition.server";
import { STANDARD_RETRY } from "~/jobs/queues";
import { tellLatePickupOrders } from "./running-late.server";

/** Every minute: pickup orders that have become late are given their delay notice (one scan for every shop). */
export const notificationsRunningLateJob = defineJob({
  queue: "notifications.running-late",
  policy: STANDARD_RETRY,
  cron: "* * * * *",
  payload: z.object({}),
  run: () => tellLatePickupOrders(),
  consumer: ONE_AT_A_TIME,
  deadLetter: { describe: () => "Telling shoppers their pickup is running late" },
});
