import type { LoaderFunctionArgs } from "@remix-run/node";
import { authenticate } from "~/shopify.server";
import { explainComparedOrder } from "~/services/routing-comparison/explain-order.server";

const REFUSALS = {
  NOT_FOUND: { status: 404, error: "No such comparison in this shop" },
  NOT_IN_COMPARISON: { status: 404, error: "That order is not one of this comparison's orders" },
  NOT_DONE: { status: 409, error: "This comparison has not finished: its orders can be explained once it has" },
  LIVE_RULES_CHANGED: {
    status: 409,
    error: "The live rules have changed since this comparison: compare again to see why orders go where they do",
  },
} as const;

/**
 * Why one of a finished comparison's orders goes where it does under the live rules and under the
 * draft (the Routing rules page's "Why?" on an order the draft sends elsewhere). Another shop's
 * comparison, or an order not in it, is a 404.
 */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const explanation = await explainComparedOrder(session.shop, params.comparisonId ?? "", params.orderId ?? "");
  if (!explanation.ok) {
    const refusal = REFUSALS[explanation.reason];
    // Returned rather than thrown: the page's "Why?" shows it in place, not the route's error page.
    return Response.json({ error: refusal.error }, { status: refusal.status });
  }
  return Response.json({ explanation });
};
