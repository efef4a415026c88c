import { z } from "zod";
import prisma from "~/db.server";
import { defineJob } from "~/jobs/job-definition.server";
import { orderNameOfFulfillmentOrder } from "~/models/store-tasks.server";
import { syncFulfillmentOrderTasks } from "./sync-fulfillment-order.server";

const syncPayload = z.object({
  shop: z.string(),
  /** Shopify's numeric fulfilment order id. */
  fulfillmentOrderId: z.string().regex(/^\d+$/),
  /** Queued when Shopify assigned it, to run after routing has had its turn: skipped if routing settled it. */
  unlessRouted: z.literal(true).optional(),
});

/**
 * Brings a fulfilment order's store tasks in step with Shopify. "Stately", keyed by shop and
 * fulfilment order: a trigger while one is queued is a no-op (the queued one reads Shopify
 * later anyway), one while it runs queues exactly one more (the sync queued when Shopify assigns
 * a fulfilment order, to run once routing has had its turn, is keyed apart). Short first retries
 * and a minute's expiry, as routing's: it waits on Shopify, not on anything slow.
 */
export const storeTasksSyncFulfillmentOrderJob = defineJob({
  queue: "store-tasks.sync-fulfillment-order",
  policy: { policy: "stately", retryLimit: 8, retryDelay: 1, retryBackoff: true, expireInSeconds: 60 },
  payload: syncPayload,
  // The sync after routing's turn has a key of its own: queued, it must not swallow routing's own.
  singletonKey: ({ shop, fulfillmentOrderId, unlessRouted }) =>
    `${shop}:${fulfillmentOrderId}${unlessRouted ? ":unless-routed" : ""}`,
  run: (job) => syncFulfillmentOrderTasks(job),
  consumer: { concurrency: 4, idlePollMs: 1_000 },
  deadLetter: {
    describe: async ({ shop, fulfillmentOrderId }) => {
      const orderName = await orderNameOfFulfillmentOrder(prisma, shop, fulfillmentOrderId);
      return orderName
        ? `Updating the store task of order ${orderName}`
        : `Updating the store task of fulfilment order ${fulfillmentOrderId}`;
    },
  },
});
