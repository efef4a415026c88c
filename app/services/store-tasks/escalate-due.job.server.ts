import { z } from "zod";
import { defineJob, ONE_AT_A_TIME } from "~/jobs/job-definition.server";
import { STANDARD_RETRY } from "~/jobs/queues";
import { escalateDueTasks } from "./reroute-escalation.server";

/**
 * Every minute, every shop's store tasks due for escalation are queued (one
 * store-tasks.escalate-task each). One cron for every shop, as the nightly sync: the scan is one
 * query over the new tasks, and a minute's delay is well within any escalation window the
 * merchant can set (a minute at least).
 */
export const storeTasksEscalateDueJob = defineJob({
  queue: "store-tasks.escalate-due",
  policy: STANDARD_RETRY,
  cron: "* * * * *",
  payload: z.object({}),
  run: () => escalateDueTasks(),
  consumer: ONE_AT_A_TIME,
  deadLetter: { describe: () => "Escalating store orders not started in time" },
});
