import { z } from "zod";
import { numericIdOf } from "~/domain/shopify-ids";
import { defineJob } from "~/jobs/job-definition.server";
import { resolveRoutingTrigger } from "./route-order.server";
import { ROUTING_CONSUMER, ROUTING_QUEUE_POLICY } from "./routing-queue-policy.server";

const routingTriggerPayload = z.object({
  shop: z.string(),
  /** gid://shopify/FulfillmentOrder/… */
  fulfillmentOrderId: z.string(),
});

export type RoutingTriggerJob = z.infer<typeof routingTriggerPayload>;

/**
 * A fulfillment_orders/order_routing_complete names a fulfilment order, not its order: this job
 * finds the order and routes it, or queues its routing (routing.route-order) when another run
 * holds the order (decision 043).
 */
export const routingResolveTriggerJob = defineJob({
  queue: "routing.resolve-trigger",
  policy: ROUTING_QUEUE_POLICY,
  payload: routingTriggerPayload,
  singletonKey: ({ shop, fulfillmentOrderId }) => `${shop}:${fulfillmentOrderId}`,
  run: (job) => resolveRoutingTrigger(job),
  consumer: ROUTING_CONSUMER,
  deadLetter: {
    describe: ({ fulfillmentOrderId }) =>
      `Routing the order of fulfilment order ${numericIdOf(fulfillmentOrderId, "FulfillmentOrder") ?? fulfillmentOrderId}`,
  },
});
