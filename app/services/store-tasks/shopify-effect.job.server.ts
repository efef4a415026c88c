import { z } from "zod";
import prisma from "~/db.server";
import { defineJob, type JobDefinition } from "~/jobs/job-definition.server";
import { SHOPIFY_EFFECTS, type ShopifyEffect } from "~/domain/store-tasks/types";
import { findStoreTaskForEffect } from "~/models/store-tasks-associate.server";
import {
  giveUpShopifyEffect,
  markShopifyEffectRetried,
  runShopifyEffect,
  type ShopifyEffectJob,
} from "./shopify-effect.server";

const shopifyEffectPayload = z.object({
  shop: z.string(),
  taskId: z.string().uuid(),
  effect: z.enum(SHOPIFY_EFFECTS),
  fulfillment: z
    .object({
      notifyCustomer: z.boolean(),
      trackingInfo: z
        .object({ company: z.string().optional(), number: z.string().optional(), url: z.string().optional() })
        .optional(),
    })
    .optional(),
});

/** The dead letter in the merchant's words; `order` is "order #1001", or "a store order" once its task is gone. */
const WHAT_SHOPIFY_IS_TOLD: Readonly<Record<ShopifyEffect, (order: string) => string>> = {
  REPORT_PROGRESS: (order) => `Telling Shopify the store started picking ${order}`,
  PREPARED_FOR_PICKUP: (order) => `Telling Shopify ${order} is ready for pickup`,
  FULFILL: (order) => `Marking ${order} fulfilled in Shopify after it left the store`,
};

/**
 * One Shopify call an associate's step implies, queued with the step. Short first retries: the
 * associate's screen shows "telling Shopify" until it is done.
 */
export const storeTasksShopifyEffectJob: JobDefinition<ShopifyEffectJob> = defineJob({
  queue: "store-tasks.shopify-effect",
  policy: { retryLimit: 8, retryDelay: 1, retryBackoff: true, expireInSeconds: 60 },
  payload: shopifyEffectPayload,
  run: (job) => runShopifyEffect(job),
  consumer: { concurrency: 4, idlePollMs: 1_000 },
  deadLetter: {
    describe: async ({ shop, taskId, effect }) => {
      const task = await findStoreTaskForEffect(prisma, shop, taskId);
      return WHAT_SHOPIFY_IS_TOLD[effect](task ? `order ${task.orderName}` : "a store order");
    },
    onGiveUp: (job, error) => giveUpShopifyEffect(job, error),
    retry: async (tx, job): Promise<void> => {
      await markShopifyEffectRetried(tx, job);
      await storeTasksShopifyEffectJob.enqueue(tx, job);
    },
  },
});
