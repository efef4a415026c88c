import type { Db } from "~/db/sql.server";
import type { StoreSettings } from "~/domain/store-tasks/settings";
import { appSendGridAccount, type AppSendGridAccount } from "~/integrations/sendgrid/app-sendgrid-account.server";
import { createStoreTaskAlertEmail, storeEmailOf } from "~/models/store-task-alert-emails.server";
import { storeTasksAlertEmailJob } from "./alert-email.job.server";
import { storeSettingsFor } from "./store-settings.server";

export interface AlertEmailQueueDependencies {
  settings(shop: string): Promise<StoreSettings>;
  account(): AppSendGridAccount;
}

export const defaultAlertEmailQueueDependencies: AlertEmailQueueDependencies = {
  settings: storeSettingsFor,
  account: appSendGridAccount,
};

/**
 * Called in the transaction that creates a store task: when the merchant has store emails on
 * and the store has an address, records the email and queues its sending, both committing with
 * the task (or neither). A task re-created at another store is a new task: that store is emailed.
 * True when an email was queued.
 */
export async function queueStoreTaskAlertEmail(
  tx: Db,
  shop: string,
  task: { id: string; locationId: string },
  deps: AlertEmailQueueDependencies = defaultAlertEmailQueueDependencies,
): Promise<boolean> {
  if (!deps.account().available) return false;
  if (!(await deps.settings(shop)).emailStoresOnNewTask) return false;
  const recipient = await storeEmailOf(tx, shop, task.locationId);
  if (!recipient) return false;
  if (!(await createStoreTaskAlertEmail(tx, shop, task.id, recipient))) return false;
  await storeTasksAlertEmailJob.enqueue(tx, { shop, taskId: task.id });
  return true;
}
