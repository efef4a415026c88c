import type { StoreTaskAlertEmailStatus } from "@prisma/client";

/** The store's new-order email as a step of the order page's store timeline. */

export interface AlertEmailStatus {
  recipient: string;
  status: StoreTaskAlertEmailStatus;
  /** When it was handed to SendGrid; null until then. */
  sentAt: Date | null;
  error: string | null;
  createdAt: Date;
}

export interface AlertEmailStep {
  label: string;
  at: Date;
  problem: boolean;
}

export function alertEmailTimelineStep(email: AlertEmailStatus): AlertEmailStep {
  const at = email.sentAt ?? email.createdAt;
  const why = email.error ?? "no reason given";
  switch (email.status) {
    case "PENDING":
      return { label: `Emailing the store (${email.recipient})`, at, problem: false };
    case "SENT":
      return { label: `Store emailed (${email.recipient})`, at, problem: false };
    case "FAILED":
      return { label: `Store email failed: ${why}`, at, problem: true };
    case "UNKNOWN":
      return { label: `Store email may not have arrived: ${why}`, at, problem: true };
  }
}
