import { shopifyGid } from "~/domain/shopify-ids";
import type { AdminClient } from "../admin-client.server";
import { requireNoUserErrors } from "../user-errors";

/**
 * Cancels an order in Shopify (2026-04 `orderCancel`, needs the write_orders scope): Shopify does
 * it in a background job and answers with that job, or refuses in `orderCancelUserErrors` (the
 * deprecated `userErrors` repeat them without a code). A mutation costs a flat 10 points.
 *
 * Not repeated by the client when its answer is lost: the uncollected-orders sweep re-reads the
 * order and cancels it only while Shopify shows it not cancelled and still waiting.
 */
export const ORDER_CANCEL_MUTATION = `#graphql
  mutation UncollectedOrderCancel(
    $orderId: ID!
    $reason: OrderCancelReason!
    $restock: Boolean!
    $refundMethod: OrderCancelRefundMethodInput
    $notifyCustomer: Boolean
    $staffNote: String
  ) {
    orderCancel(
      orderId: $orderId
      reason: $reason
      restock: $restock
      refundMethod: $refundMethod
      notifyCustomer: $notifyCustomer
      staffNote: $staffNote
    ) {
      job {
        id
        done
      }
      orderCancelUserErrors {
        field
        message
        code
      }
    }
  }
`;

export interface OrderCancelRequest {
  /** Numeric, as the app's tables keep it. */
  orderId: string;
  restock: boolean;
  /** To the original payment methods; false refunds nothing (an authorization is voided regardless). */
  refund: boolean;
  notifyCustomer: boolean;
  /** Staff-facing, at most 255 characters. */
  staffNote: string;
}

/** Shopify's job id. Throws AdminApiUserError when Shopify refuses. */
export async function cancelOrderInShopify(client: AdminClient, request: OrderCancelRequest): Promise<string | null> {
  const { data } = await client.request(ORDER_CANCEL_MUTATION, {
    orderId: shopifyGid("Order", request.orderId),
    // Nothing the shopper asked for, nor staff error: the merchant's policy cancelled it.
    reason: "OTHER",
    restock: request.restock,
    refundMethod: { originalPaymentMethodsRefund: request.refund },
    notifyCustomer: request.notifyCustomer,
    staffNote: request.staffNote.slice(0, 255),
  });
  requireNoUserErrors(data.orderCancel?.orderCancelUserErrors, "orderCancel");
  return data.orderCancel?.job?.id ?? null;
}
