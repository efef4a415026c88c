import { z } from "zod";
import prisma from "~/db.server";
import { defineJob } from "~/jobs/job-definition.server";
import { findStoreTaskForEffect } from "~/models/store-tasks-associate.server";
import { sendStoreTaskAlertEmail, type AlertEmailJob } from "./alert-email-send.server";

/**
 * Emails a store that an order arrived for it (alert-email-send.server.ts), queued with the
 * task. "Stately", keyed by task: runs of one email never overlap. A retry never sends twice:
 * the email is claimed before the send, and a retry finding it claimed marks it unknown.
 */
export const storeTasksAlertEmailJob = defineJob<AlertEmailJob>({
  queue: "store-tasks.alert-email",
  policy: { policy: "stately", retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: 60 },
  payload: z.object({ shop: z.string(), taskId: z.string().uuid() }),
  singletonKey: ({ shop, taskId }) => `${shop}:${taskId}`,
  run: (job) => sendStoreTaskAlertEmail(job),
  consumer: { concurrency: 2, idlePollMs: 2_000 },
  deadLetter: {
    describe: async ({ shop, taskId }) => {
      const task = await findStoreTaskForEffect(prisma, shop, taskId);
      return task ? `Emailing the store about order ${task.orderName}` : "Emailing a store about a new order";
    },
  },
});
