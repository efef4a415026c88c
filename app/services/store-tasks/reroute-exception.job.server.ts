import { z } from "zod";
import prisma from "~/db.server";
import { defineJob } from "~/jobs/job-definition.server";
import { findStoreTaskForEffect } from "~/models/store-tasks-associate.server";
import { rerouteExceptionLines } from "./reroute.server";

const reroutePayload = z.object({
  shop: z.string(),
  taskId: z.string().uuid(),
});

/**
 * Moves the lines an associate reported not found or damaged to another location, or puts the
 * order on hold when none can take them; queued with the report. "Stately", keyed by task: a
 * second report while one is queued is taken by the queued run (it moves every reported line),
 * and runs of one task never overlap. Short first retries: the order waits at the store.
 */
export const storeTasksRerouteExceptionJob = defineJob({
  queue: "store-tasks.reroute-exception",
  policy: { policy: "stately", retryLimit: 8, retryDelay: 1, retryBackoff: true, expireInSeconds: 120 },
  payload: reroutePayload,
  singletonKey: ({ shop, taskId }) => `${shop}:${taskId}`,
  run: (job) => rerouteExceptionLines(job),
  consumer: { concurrency: 2, idlePollMs: 1_000 },
  deadLetter: {
    describe: async ({ shop, taskId }) => {
      const task = await findStoreTaskForEffect(prisma, shop, taskId);
      return task
        ? `Moving the missing items of order ${task.orderName} to another location`
        : "Moving the missing items of a store order to another location";
    },
  },
});
