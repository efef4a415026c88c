import { z } from "zod";
import { appJobQueue } from "~/jobs/app-job-queue.server";
import { enqueueInTransaction } from "~/jobs/jobs.server";
import { QUEUES } from "~/jobs/queues";
import { recordDataRequest } from "~/models/customer-data-requests.server";
import type { WebhookTopicHandler } from "../receive-webhook.server";
import { complianceCustomer, shopifyId } from "./shared-schemas";

const payload = z.object({
  shop_id: shopifyId,
  shop_domain: z.string().min(1),
  customer: complianceCustomer,
  orders_requested: z.array(shopifyId).default([]),
  data_request: z.object({ id: shopifyId }),
});

export interface CustomerDataRequestJob {
  shop: string;
  dataRequestId: string;
}

/** customers/data_request: the request is recorded now; a job assembles the report. */
export const customersDataRequest: WebhookTopicHandler<typeof payload> = {
  topic: "CUSTOMERS_DATA_REQUEST",
  payload,
  subject: (body) => ({ customerId: body.customer.id, orderIds: body.orders_requested }),
  async apply(tx, webhook) {
    const dataRequestId = await recordDataRequest(tx, webhook.shop, webhook.payload.data_request.id, {
      ...webhook.payload.customer,
      orderIds: webhook.payload.orders_requested,
    });
    const job: CustomerDataRequestJob = { shop: webhook.shop, dataRequestId };
    await enqueueInTransaction(await appJobQueue(), tx, QUEUES.customerDataRequest.name, job);
  },
};
