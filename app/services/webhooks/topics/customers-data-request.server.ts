import { z } from "zod";
import { recordDataRequest } from "~/models/customer-data-requests.server";
import { customerDataRequestJob } from "~/services/compliance/customer-data-request.job.server";
import type { WebhookTopicHandler } from "../receive-webhook.server";
import { complianceCustomer, shopifyId } from "./shared-schemas";

const payload = z.object({
  shop_id: shopifyId,
  shop_domain: z.string().min(1),
  customer: complianceCustomer,
  orders_requested: z.array(shopifyId).default([]),
  data_request: z.object({ id: shopifyId }),
});

/** customers/data_request: the request is recorded now; a job assembles the report. */
export const customersDataRequest: WebhookTopicHandler<typeof payload> = {
  topic: "CUSTOMERS_DATA_REQUEST",
  payload,
  shopDomainOf: (body) => body.shop_domain,
  subject: (body) => ({ customerId: body.customer.id, orderIds: body.orders_requested }),
  async applyWithPrisma(tx, webhook) {
    const dataRequestId = await recordDataRequest(tx, webhook.shop, webhook.payload.data_request.id, {
      ...webhook.payload.customer,
      orderIds: webhook.payload.orders_requested,
    });
    await customerDataRequestJob.enqueue(tx, { shop: webhook.shop, dataRequestId });
  },
};
