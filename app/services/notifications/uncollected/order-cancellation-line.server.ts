import prisma from "~/db.server";
import { formatDateTime } from "~/domain/date-time";
import { uncollectedCancellationLine } from "~/domain/notifications/uncollected-cancel";
import { findUncollectedCancellation } from "~/models/uncollected-cancellations.server";

/** The order page's line about the uncollected policy's cancel of the order; null when it never came to it. */
export interface UncollectedCancellationView {
  text: string;
  tone: "success" | "critical" | "info";
  /** When it was settled (or requested, while Shopify has not answered), in the shop's zone. */
  at: string;
}

export async function uncollectedCancellationOfOrder(
  shop: string,
  orderId: string,
  timeZone: string,
): Promise<UncollectedCancellationView | null> {
  const row = await findUncollectedCancellation(prisma, shop, orderId);
  if (!row) return null;
  return { ...uncollectedCancellationLine(row), at: formatDateTime(row.settledAt ?? row.requestedAt, timeZone) };
}
