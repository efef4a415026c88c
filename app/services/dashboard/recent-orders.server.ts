import { z } from "zod";
import prisma from "~/db.server";
import { latestWebhookEvents } from "~/models/webhook-events.server";

export interface RecentOrder {
  name: string;
  placedAt: string;
  units: number;
  delivery: string;
  receivedAt: string;
}

const storedOrder = z.object({
  name: z.string(),
  created_at: z.string(),
  line_items: z.array(z.object({ quantity: z.number() }).passthrough()).default([]),
  shipping_lines: z.array(z.object({ title: z.string().nullish() }).passthrough()).default([]),
});

/** The shop's latest orders as Shopify announced them (orders/create), newest first. */
export async function listRecentOrders(shop: string, take = 5): Promise<RecentOrder[]> {
  const events = await latestWebhookEvents(prisma, shop, "ORDERS_CREATE", take);
  return events.flatMap((event) => {
    const order = storedOrder.safeParse(event.payload);
    if (!order.success) return [];
    return [
      {
        name: order.data.name,
        placedAt: order.data.created_at,
        units: order.data.line_items.reduce((sum, line) => sum + line.quantity, 0),
        delivery: order.data.shipping_lines[0]?.title ?? "No shipping line",
        receivedAt: event.receivedAt.toISOString(),
      },
    ];
  });
}
