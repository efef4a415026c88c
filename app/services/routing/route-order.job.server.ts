import { z } from "zod";
import prisma from "~/db.server";
import { defineJob } from "~/jobs/job-definition.server";
import { findOrderFacts } from "~/models/routed-orders.server";
import { routeOrderJob } from "./route-order.server";
import { ROUTING_CONSUMER, ROUTING_QUEUE_POLICY } from "./routing-queue-policy.server";

const routeOrderPayload = z.object({
  shop: z.string(),
  /** Shopify's numeric order id. */
  orderId: z.string(),
  /** Admin API points the trigger's job spent finding the order, added to the order's cost. */
  triggerCost: z.object({ requested: z.number(), actual: z.number() }).optional(),
  /** When the job first found the shop's inventory mirror not yet synced and put the order off (mirror-ready.server.ts). */
  deferredSince: z.iso.datetime().optional(),
});

export type RouteOrderJob = z.infer<typeof routeOrderPayload>;

/**
 * Decides (once) where the order goes and moves its fulfilment orders, when the trigger's job
 * could not (another run held the order), after the mirror's first sync, or on a dead letter's
 * Retry; keyed by shop and order.
 */
export const routingRouteOrderJob = defineJob({
  queue: "routing.route-order",
  policy: ROUTING_QUEUE_POLICY,
  payload: routeOrderPayload,
  singletonKey: ({ shop, orderId }) => `${shop}:${orderId}`,
  run: (job) => routeOrderJob(job),
  consumer: ROUTING_CONSUMER,
  deadLetter: {
    describe: async ({ shop, orderId }) => {
      const facts = await findOrderFacts(prisma, shop, orderId);
      return `Routing order ${facts?.name ?? orderId}`;
    },
    // Without the trigger's cost: the attempts that gave up have counted it against the order.
    retry: (tx, { shop, orderId }): Promise<string | null> => routingRouteOrderJob.enqueue(tx, { shop, orderId }),
  },
});
