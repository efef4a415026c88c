import { z } from "zod";
import { defineJob, ONE_AT_A_TIME } from "~/jobs/job-definition.server";
import { STANDARD_RETRY } from "~/jobs/queues";
import { pruneComparisons } from "./comparison-retention.server";

/** Every night, after the webhook events' prune: comparisons past their retention that no version kept are deleted. */
export const routingPruneComparisonsJob = defineJob({
  queue: "routing.prune-comparisons",
  policy: STANDARD_RETRY,
  cron: "15 9 * * *",
  payload: z.object({}),
  run: () => pruneComparisons(new Date()),
  consumer: ONE_AT_A_TIME,
  deadLetter: { describe: () => "Removing routing comparisons past their retention" },
});
