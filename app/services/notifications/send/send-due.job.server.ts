import { z } from "zod";
import { defineJob } from "~/jobs/job-definition.server";
import { runNotificationSending } from "./send-due.server";

/**
 * notifications.send-due: every minute, one run that sends customer messages as they come due
 * for most of that minute (send-due.server.ts), so a message waits a poll, not a minute.
 * Two runs overlapping (a slow minute) share the work: rows are taken with SKIP LOCKED. No retries: the next minute's run is the retry, and a run's failure
 * never resends (what it took stays SENDING and is reconciled). A worker killed mid-run leaves
 * its job to expire after two minutes.
 */
export const notificationsSendDueJob = defineJob({
  queue: "notifications.send-due",
  policy: { retryLimit: 0, retryDelay: 1, retryBackoff: false, expireInSeconds: 120 },
  cron: "* * * * *",
  payload: z.object({}),
  run: () => runNotificationSending(),
  consumer: { concurrency: 1, idlePollMs: 5_000 },
  deadLetter: { describe: () => "Sending customer messages that came due" },
});
