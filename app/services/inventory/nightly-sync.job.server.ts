import { z } from "zod";
import { defineJob, ONE_AT_A_TIME } from "~/jobs/job-definition.server";
import { STANDARD_RETRY } from "~/jobs/queues";
import { enqueueNightlyFullSyncs } from "./sync-triggers.server";

/**
 * Every night, a full sync for every installed shop. One cron for every shop at 08:00 UTC (the
 * small hours across the Americas), which fans out a job per installed shop: no per-shop
 * schedule to keep in step with installs and uninstalls.
 */
export const inventoryNightlySyncJob = defineJob({
  queue: "inventory.nightly-sync",
  policy: STANDARD_RETRY,
  cron: "0 8 * * *",
  payload: z.object({}),
  run: () => enqueueNightlyFullSyncs(),
  consumer: ONE_AT_A_TIME,
  deadLetter: { describe: () => "Nightly inventory sync of every store" },
});
