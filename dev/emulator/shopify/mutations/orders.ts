import { gid, idOf } from "../ids";
import { cancelOrder } from "../orders";
import { resolversFor } from "../resolvers/types";

/**
 * Order mutations: `orderCancel` with the arguments the 2026-04 schema declares and Shopify's
 * payload (a `job`, and refusals in `orderCancelUserErrors`, the deprecated `userErrors` echoing
 * them without a code).
 *
 * Shopify cancels "asynchronously in a background job" and answers with that job; the emulator
 * cancels before answering, so its job is already done and the order reads cancelled at once.
 */

interface OrderCancelArgs {
  orderId: string;
  reason: string;
  restock: boolean;
  notifyCustomer?: boolean | null;
  refundMethod?: { originalPaymentMethodsRefund?: boolean | null; storeCreditRefund?: unknown } | null;
  staffNote?: string | null;
}

export const orderMutations = resolversFor<unknown>({
  orderCancel: (_source, args: OrderCancelArgs, ctx) => {
    if (args.refundMethod?.storeCreditRefund) {
      ctx.shop.warn("orderCancel with storeCreditRefund: store credit is not emulated; refunded as to the original methods");
    }
    const id = idOf(args.orderId, "Order");
    const result =
      id === null
        ? { ok: false as const, errors: [{ field: ["orderId"], message: "Order does not exist", code: "NOT_FOUND" }] }
        : cancelOrder(ctx.shop, id, {
            reason: args.reason.toLowerCase(),
            restock: args.restock,
            refund: Boolean(args.refundMethod?.originalPaymentMethodsRefund || args.refundMethod?.storeCreditRefund),
            notifyCustomer: args.notifyCustomer ?? false,
            staffNote: args.staffNote ?? null,
          });
    if (!result.ok) {
      return {
        job: null,
        orderCancelUserErrors: result.errors,
        userErrors: result.errors.map(({ field, message }) => ({ field, message })),
      };
    }
    return {
      job: { __typename: "Job", id: gid("Job", ctx.shop.state.mintId()), done: true, query: null },
      orderCancelUserErrors: [],
      userErrors: [],
    };
  },
});
