import { z } from "zod";
import { appJobQueue } from "~/jobs/app-job-queue.server";
import { enqueueInTransaction } from "~/jobs/jobs.server";
import { QUEUES } from "~/jobs/queues";
import type { CustomerIdentity } from "~/models/data-registry.server";
import type { WebhookTopicHandler } from "../receive-webhook.server";
import { complianceCustomer, shopifyId } from "./shared-schemas";

const payload = z.object({
  shop_id: shopifyId,
  shop_domain: z.string().min(1),
  customer: complianceCustomer,
  orders_to_redact: z.array(shopifyId).default([]),
});

export interface CustomerRedactJob {
  shop: string;
  customer: CustomerIdentity;
}

/** customers/redact: the customer's personal data is erased by a job. */
export const customersRedact: WebhookTopicHandler<typeof payload> = {
  topic: "CUSTOMERS_REDACT",
  payload,
  subject: (body) => ({ customerId: body.customer.id, orderIds: body.orders_to_redact }),
  async apply(tx, webhook) {
    const job: CustomerRedactJob = {
      shop: webhook.shop,
      customer: { ...webhook.payload.customer, orderIds: webhook.payload.orders_to_redact },
    };
    await enqueueInTransaction(await appJobQueue(), tx, QUEUES.customerRedact.name, job);
  },
};
