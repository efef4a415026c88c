import prisma from "~/db.server";
import { appSendGridAccount, type AppSendGridAccount } from "~/integrations/sendgrid/app-sendgrid-account.server";
import { binLocationsFor } from "~/models/item-bin-locations.server";
import {
  claimAlertEmail,
  discardUnsentAlertEmail,
  findAlertEmailToSend,
  markClaimedAlertEmailUnknown,
  recordAlertEmailOutcome,
  type AlertEmailToSend,
} from "~/models/store-task-alert-emails.server";
import { renderStoreAlertEmail, type RenderedEmail } from "./alert-email-content";

/**
 * store-tasks.alert-email: sends the store's new-order email at most once. The email is taken
 * (claimed, committed) before SendGrid is called; whatever happens after, it is never sent
 * again. SendGrid's Mail Send has no idempotency key, so a send whose answer was lost may have
 * gone: it is marked UNKNOWN, not retried, because a store told twice about one order is worse
 * than a store that learns of it from its POS tile, which counts it anyway.
 */

export interface AlertEmailJob {
  shop: string;
  taskId: string;
}

export interface AlertEmailSendDependencies {
  account(): AppSendGridAccount;
  now(): Date;
}

export const defaultAlertEmailSendDependencies: AlertEmailSendDependencies = {
  account: appSendGridAccount,
  now: () => new Date(),
};

export type AlertEmailSendResult =
  /** No email for this shop's task: never queued, or the task is gone. */
  | "NONE"
  /** Sent, failed or marked unknown before, or taken by another run just now. */
  | "ALREADY_HANDLED"
  /** The order left the store before the email went: the store is not emailed about it. */
  | "DISCARDED"
  | "SENT"
  | "FAILED"
  | "UNKNOWN";

export const LOST_SEND_ERROR =
  "Omniroute stopped while sending it, so it may or may not have arrived; it is not sent twice";

async function contentOf(shop: string, email: AlertEmailToSend): Promise<RenderedEmail> {
  const skus = email.lines.flatMap((line) => (line.sku ? [line.sku] : []));
  const bins = await binLocationsFor(prisma, shop, email.task.locationId, skus);
  return renderStoreAlertEmail({
    orderName: email.task.orderName,
    kind: email.task.kind,
    storeName: email.storeName ?? `Location ${email.task.locationId}`,
    dueAt: email.task.dueAt,
    timeZone: email.timeZone ?? "UTC",
    customerName: email.task.customerName,
    lines: email.lines.map((line) => ({ ...line, bin: (line.sku && bins.get(line.sku)?.code) || null })),
  });
}

export async function sendStoreTaskAlertEmail(
  { shop, taskId }: AlertEmailJob,
  deps: AlertEmailSendDependencies = defaultAlertEmailSendDependencies,
): Promise<AlertEmailSendResult> {
  const email = await findAlertEmailToSend(prisma, shop, taskId);
  if (!email) return "NONE";
  if (email.status !== "PENDING") return "ALREADY_HANDLED";
  if (email.attempts > 0) {
    // A run before this one took it and stopped (a crash, an expired job) before recording
    // SendGrid's answer.
    return (await markClaimedAlertEmailUnknown(prisma, shop, taskId, LOST_SEND_ERROR)) ? "UNKNOWN" : "ALREADY_HANDLED";
  }
  if (email.task.endedAt) {
    await discardUnsentAlertEmail(prisma, shop, taskId);
    return "DISCARDED";
  }
  const content = await contentOf(shop, email);
  if (!(await claimAlertEmail(prisma, shop, taskId, deps.now()))) return "ALREADY_HANDLED";

  const account = deps.account();
  if (!account.available) {
    await recordAlertEmailOutcome(prisma, shop, taskId, { status: "FAILED", error: account.reason });
    return "FAILED";
  }
  const outcome = await account.mailer.send({
    to: { email: email.recipient },
    from: account.from,
    ...content,
    // Opaque ids only: SendGrid keeps and echoes them.
    customArgs: { shop, storeTaskId: taskId },
    categories: ["store-task-alert"],
  });
  if (outcome.ok) {
    await recordAlertEmailOutcome(prisma, shop, taskId, { status: "SENT", providerMessageId: outcome.messageId });
    return "SENT";
  }
  const status = outcome.kind === "REJECTED" ? "FAILED" : "UNKNOWN";
  await recordAlertEmailOutcome(prisma, shop, taskId, { status, error: outcome.error });
  return status;
}
