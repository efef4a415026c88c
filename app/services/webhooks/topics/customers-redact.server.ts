import { z } from "zod";
import { customerRedactJob } from "~/services/compliance/customer-redact.job.server";
import type { WebhookTopicHandler } from "../receive-webhook.server";
import { complianceCustomer, shopifyId } from "./shared-schemas";

const payload = z.object({
  shop_id: shopifyId,
  shop_domain: z.string().min(1),
  customer: complianceCustomer,
  orders_to_redact: z.array(shopifyId).default([]),
});

/** customers/redact: the customer's personal data is erased by a job. */
export const customersRedact: WebhookTopicHandler<typeof payload> = {
  topic: "CUSTOMERS_REDACT",
  payload,
  shopDomainOf: (body) => body.shop_domain,
  subject: (body) => ({ customerId: body.customer.id, orderIds: body.orders_to_redact }),
  async apply(tx, webhook) {
    await customerRedactJob.enqueue(tx, {
      shop: webhook.shop,
      customer: { ...webhook.payload.customer, orderIds: webhook.payload.orders_to_redact },
    });
  },
};
