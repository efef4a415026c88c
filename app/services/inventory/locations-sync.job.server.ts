import { z } from "zod";
import { defineJob, ONE_AT_A_TIME } from "~/jobs/job-definition.server";
import { STANDARD_RETRY } from "~/jobs/queues";
import { runLocationsSync } from "./locations-sync.server";

/**
 * The mirror's locations of one shop, after a location changes. "Stately", keyed by shop: a
 * change while a sync is queued is a no-op, and one while it runs queues exactly one more.
 */
export const inventoryLocationsSyncJob = defineJob({
  queue: "inventory.locations-sync",
  policy: { policy: "stately", ...STANDARD_RETRY },
  payload: z.object({ shop: z.string() }),
  singletonKey: ({ shop }) => shop,
  run: ({ shop }) => runLocationsSync(shop),
  consumer: ONE_AT_A_TIME,
  deadLetter: { describe: () => "Locations sync from Shopify" },
});
