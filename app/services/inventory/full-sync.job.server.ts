import { z } from "zod";
import { defineJob, ONE_AT_A_TIME } from "~/jobs/job-definition.server";
import { runInventoryFullSync } from "./full-sync.server";

/**
 * The inventory mirror's full sync of one shop, on install and nightly. "Stately", keyed by
 * shop: at most one queued and one running, so install, nightly and webhook triggers coalesce
 * instead of piling up.
 */
export const inventoryFullSyncJob = defineJob({
  queue: "inventory.full-sync",
  policy: {
    policy: "stately",
    retryLimit: 5,
    retryDelay: 60,
    retryBackoff: true,
    // A bulk operation over a large catalogue can take a while; the job waits for it.
    expireInSeconds: 60 * 60,
  },
  payload: z.object({ shop: z.string() }),
  singletonKey: ({ shop }) => shop,
  run: ({ shop }) => runInventoryFullSync(shop),
  consumer: ONE_AT_A_TIME,
  deadLetter: { describe: () => "Inventory full sync from Shopify" },
});
