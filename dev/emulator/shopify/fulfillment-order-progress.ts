import type { ShopContext } from "./context";
import { fail, type Outcome } from "./fulfillment-orders";
import { hasReportedProgress, workingStatus } from "./fulfillment-order-status";
import type { FulfillmentOrderRecord } from "./state";
import { progressReportedPayload, progressStoppedPayload } from "./webhook-payloads";

/**
 * Progress on a merchant-managed fulfilment order (API 2026-04): `fulfillmentOrderReportProgress`
 * marks it in progress, and `fulfillmentOrderOpen` marks it open again, which a move then needs.
 * Every emulated location is merchant-managed.
 */

/** FulfillmentOrderReportProgressInput.reasonNotes: "up to 256 characters" (changelog of 2026-04). */
const MAX_REASON_NOTES_LENGTH = 256;

/**
 * admin-graphql `fulfillmentOrderReportProgress`: "Reporting progress for merchant-managed orders
 * works with fulfillment orders in OPEN or IN_PROGRESS status"; the fulfilment order becomes
 * IN_PROGRESS and `fulfillment_orders/progress_reported` names the status it had before. Reporting
 * again while in progress replaces the notes.
 *
 * Not emulated, because the docs do not say when Shopify gives them:
 * FULFILLMENT_ORDER_CONTAINS_PICKED_ITEMS and FULFILLMENT_ORDER_INVALID_DELIVERY_METHOD (which
 * delivery methods are refused is not documented; the emulator accepts every one).
 */
export function reportProgress(
  ctx: ShopContext,
  foId: number | null,
  input: { reasonNotes?: string | null },
): Outcome<FulfillmentOrderRecord> {
  const fo = foId === null ? undefined : ctx.state.fulfillmentOrdersById.get(foId);
  if (!fo) return fail(["id"], "Fulfillment order could not be found.", "FULFILLMENT_ORDER_NOT_FOUND");
  if (fo.status !== "OPEN" && fo.status !== "IN_PROGRESS") {
    return fail(
      ["id"],
      `Progress can't be reported on a fulfillment order with status ${fo.status.toLowerCase()}.`,
      "FULFILLMENT_ORDER_STATUS_INVALID",
    );
  }
  const reasonNotes = input.reasonNotes ?? null;
  if (reasonNotes !== null && reasonNotes.length > MAX_REASON_NOTES_LENGTH) {
    return fail(
      ["progressReport", "reasonNotes"],
      `Reason notes is too long (maximum is ${MAX_REASON_NOTES_LENGTH} characters).`,
    );
  }
  const initialStatus = fo.status;
  const at = ctx.nowIso();
  fo.progressReport = { reportedAt: at, reasonNotes };
  fo.status = "IN_PROGRESS";
  fo.updatedAt = at;
  ctx.emit("fulfillment_orders/progress_reported", progressReportedPayload(fo, initialStatus));
  return { ok: true, value: fo };
}

/**
 * admin-graphql `fulfillmentOrderOpen`: "Marks a scheduled fulfillment order as open. From API
 * version 2026-01, this will also mark a fulfillment order as open when it is assigned to a
 * merchant managed location and has had progress reported." Clearing reported progress raises
 * `fulfillment_orders/manually_reported_progress_stopped`. A fulfilment order with fulfilled units
 * stays IN_PROGRESS, as it would have without the report.
 */
export function openFulfillmentOrder(ctx: ShopContext, foId: number | null): Outcome<FulfillmentOrderRecord> {
  const fo = foId === null ? undefined : ctx.state.fulfillmentOrdersById.get(foId);
  if (!fo) return fail(["id"], "Fulfillment order does not exist.");
  const at = ctx.nowIso();
  if (fo.status === "SCHEDULED") {
    fo.status = "OPEN";
    fo.updatedAt = at;
    return { ok: true, value: fo };
  }
  if (fo.status === "IN_PROGRESS" && hasReportedProgress(fo)) {
    fo.progressReport = null;
    fo.status = workingStatus(fo);
    fo.updatedAt = at;
    ctx.emit("fulfillment_orders/manually_reported_progress_stopped", progressStoppedPayload(fo));
    return { ok: true, value: fo };
  }
  return fail(["id"], "Fulfillment order can't be marked as open: it is neither scheduled nor has it had progress reported.");
}
