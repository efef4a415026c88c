import { customerRedactJob } from "~/services/compliance/customer-redact.job.server";
import type { WebhookTopicHandler } from "../receive-webhook.server";
import { customersRedactPayload as payload } from "./shared-schemas";

/**
 * customers/redact: the customer's personal data is erased by a job. The job names the stored
 * webhook, never the customer: a job row outlives its run (kept for days once completed), and
 * would otherwise keep the very details it erased.
 */
export const customersRedact: WebhookTopicHandler<typeof payload> = {
  topic: "CUSTOMERS_REDACT",
  payload,
  shopDomainOf: (body) => body.shop_domain,
  subject: (body) => ({ customerId: body.customer.id, orderIds: body.orders_to_redact }),
  async apply(tx, webhook) {
    await customerRedactJob.enqueue(tx, { shop: webhook.shop, webhookEventId: webhook.recordId });
  },
};
