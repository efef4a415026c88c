import { z } from "zod";
import { defineJob, ONE_AT_A_TIME } from "~/jobs/job-definition.server";
import { sqlPool } from "~/db.server";
import { failComparison } from "~/models/routing-comparisons.server";
import { FAILED_MESSAGE, runComparison } from "./comparison.server";

/**
 * A "Compare with the last 30 days" too large to run in the request (comparison.server.ts):
 * replays the range and stores the report, recording its progress as it goes for the page to poll.
 * Keyed by the comparison: a second enqueue of it while queued is a no-op, and a delivery after it
 * is done does nothing.
 */
export const routingCompareRulesJob = defineJob({
  queue: "routing.compare-rules",
  policy: {
    policy: "stately",
    retryLimit: 2,
    retryDelay: 5,
    retryBackoff: true,
    // A national chain's month replays in seconds; ten minutes is a run that will not finish.
    expireInSeconds: 10 * 60,
  },
  payload: z.object({ shop: z.string(), comparisonId: z.string().uuid() }),
  singletonKey: ({ comparisonId }) => comparisonId,
  run: ({ shop, comparisonId }) => runComparison(shop, comparisonId, new Date()),
  consumer: ONE_AT_A_TIME,
  deadLetter: {
    describe: () => "Comparing draft routing rules with the last 30 days",
    // The page stops showing progress and says it failed.
    onGiveUp: ({ shop, comparisonId }) => failComparison(sqlPool, shop, comparisonId, FAILED_MESSAGE),
  },
});
