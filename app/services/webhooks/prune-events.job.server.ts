import { z } from "zod";
import { defineJob, ONE_AT_A_TIME } from "~/jobs/job-definition.server";
import { STANDARD_RETRY } from "~/jobs/queues";
import { pruneWebhookEvents } from "./webhook-event-retention.server";

/** Every night, after the inventory sync's fan-out: webhook events past their retention are deleted. */
export const webhookEventPruneJob = defineJob({
  queue: "webhooks.prune-events",
  policy: STANDARD_RETRY,
  cron: "0 9 * * *",
  payload: z.object({}),
  run: () => pruneWebhookEvents(new Date()),
  consumer: ONE_AT_A_TIME,
  deadLetter: { describe: () => "Removing webhook events past their retention" },
});
