import { z } from "zod";
import prisma from "~/db.server";
import { defineJob, type JobDefinition } from "~/jobs/job-definition.server";
import { findStoreTaskForEffect } from "~/models/store-tasks-associate.server";
import { giveUpZeroStoreStock, zeroStoreStock, type ZeroStoreStockJob } from "./zero-store-stock.server";

const zeroStoreStockPayload = z.object({
  shop: z.string(),
  taskId: z.string().uuid(),
  locationId: z.string().regex(/^\d+$/),
  sku: z.string().min(1),
});

/**
 * Sets Shopify's available quantity of a reported SKU to 0 at the store (SET_SHOPIFY_ZERO),
 * queued with the exception hold. One per task and SKU at a time.
 */
export const storeTasksZeroStoreStockJob: JobDefinition<ZeroStoreStockJob> = defineJob({
  queue: "store-tasks.zero-store-stock",
  policy: { retryLimit: 8, retryDelay: 2, retryBackoff: true, expireInSeconds: 60 },
  payload: zeroStoreStockPayload,
  singletonKey: ({ shop, taskId, sku }) => `${shop}:${taskId}:${sku}`,
  run: (job) => zeroStoreStock(job),
  consumer: { concurrency: 2, idlePollMs: 2_000 },
  deadLetter: {
    describe: async ({ shop, taskId, sku }) => {
      const task = await findStoreTaskForEffect(prisma, shop, taskId);
      const order = task ? `order ${task.orderName}` : "a store order";
      return `Setting Shopify's stock of ${sku} to 0 at the store that could not pick it for ${order}`;
    },
    onGiveUp: (job, error) => giveUpZeroStoreStock(job, error),
  },
});
