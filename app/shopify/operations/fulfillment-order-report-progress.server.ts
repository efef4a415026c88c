import { shopifyGid } from "~/domain/shopify-ids";
import type { AdminClient } from "../admin-client.server";
import { requireNoUserErrors } from "../user-errors";

/**
 * Tells Shopify a store started picking a merchant-managed fulfilment order (2026-04): it becomes
 * IN_PROGRESS. A mutation costs a flat 10 points.
 *
 * Not repeated by the client when its answer is lost: the store-task effect job re-reads the
 * fulfilment order's status and reports only while it is still OPEN.
 */
export const FULFILLMENT_ORDER_REPORT_PROGRESS_MUTATION = `#graphql
  mutation StoreTaskReportProgress($id: ID!, $progressReport: FulfillmentOrderReportProgressInput) {
    fulfillmentOrderReportProgress(id: $id, progressReport: $progressReport) {
      fulfillmentOrder {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

/** Throws AdminApiUserError when Shopify refuses (e.g. the fulfilment order is on hold). */
export async function reportFulfillmentOrderProgress(
  client: AdminClient,
  fulfillmentOrderId: string,
  reasonNotes: string,
): Promise<void> {
  const { data } = await client.request(FULFILLMENT_ORDER_REPORT_PROGRESS_MUTATION, {
    id: shopifyGid("FulfillmentOrder", fulfillmentOrderId),
    progressReport: { reasonNotes },
  });
  requireNoUserErrors(data.fulfillmentOrderReportProgress?.userErrors, "fulfillmentOrderReportProgress");
}
