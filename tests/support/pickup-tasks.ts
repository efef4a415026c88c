import crypto from "node:crypto";
import type { PrismaClient, StoreTask } from "@prisma/client";
import { generatePickupCode } from "~/domain/store-tasks/pickup-code";

/**
 * A pickup task of an order at a store, written straight to the database, for the pickup pass's
 * tests: the values a task has once the sync made it, with one line, and any the test sets.
 */
export async function seedPickupTask(
  prisma: PrismaClient,
  shop: string,
  values: Partial<Omit<StoreTask, "shop">> & { orderId: string; locationId: string },
): Promise<StoreTask> {
  const now = new Date();
  const fulfillmentOrderId = values.fulfillmentOrderId ?? String(crypto.randomInt(1_000_000, 9_999_999));
  return prisma.storeTask.create({
    data: {
      shop,
      fulfillmentOrderId,
      orderName: "#1001",
      kind: "PICKUP",
      state: "NEW",
      customerName: "Ada Lovelace",
      pickupCode: generatePickupCode(crypto.randomInt),
      assignedAt: new Date(now.getTime() - 10 * 60_000),
      dueAt: new Date(now.getTime() + 2 * 60 * 60_000),
      ...values,
      lines: {
        create: [{ shop, lineItemId: "11", position: 0, sku: "TEE-M", title: "Tee", variantTitle: "M", quantity: 1 }],
      },
    },
  });
}
