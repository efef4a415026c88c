import { z } from "zod";
import prisma from "~/db.server";
import { defineJob } from "~/jobs/job-definition.server";
import { findStoreTaskForEffect } from "~/models/store-tasks-associate.server";
import { escalateStoreTask } from "./reroute-escalation.server";

/**
 * Moves one store's not-started order to another location (reroute-escalation.server.ts).
 * "Stately", keyed by task: a scan while one is queued adds nothing, and runs of one task never
 * overlap. Short first retries: the order is close to its due time.
 */
export const storeTasksEscalateTaskJob = defineJob({
  queue: "store-tasks.escalate-task",
  policy: { policy: "stately", retryLimit: 8, retryDelay: 1, retryBackoff: true, expireInSeconds: 120 },
  payload: z.object({ shop: z.string(), taskId: z.string().uuid() }),
  singletonKey: ({ shop, taskId }) => `${shop}:${taskId}`,
  run: (job) => escalateStoreTask(job),
  consumer: { concurrency: 2, idlePollMs: 1_000 },
  deadLetter: {
    describe: async ({ shop, taskId }) => {
      const task = await findStoreTaskForEffect(prisma, shop, taskId);
      return task
        ? `Moving order ${task.orderName} from a store that has not started it`
        : "Moving a store order from a store that has not started it";
    },
  },
});
