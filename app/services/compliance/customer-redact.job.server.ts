import { z } from "zod";
import { defineJob, ONE_AT_A_TIME } from "~/jobs/job-definition.server";
import { STANDARD_RETRY } from "~/jobs/queues";
import type { CustomerIdentity } from "~/models/data-registry.server";
import { redactCustomerData, redactCustomerOfWebhook } from "./compliance.server";

/** The shape jobs queued before they named the webhook carried: still run, never queued now. */
const customerIdentity = z.object({
  id: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  orderIds: z.array(z.string()),
}) satisfies z.ZodType<CustomerIdentity>;

/**
 * customers/redact: the customer's personal data is deleted or anonymised everywhere. The job
 * carries the id of the stored webhook, not the customer's details (see topics/customers-redact).
 */
export const customerRedactJob = defineJob({
  queue: "compliance.customer-redact",
  policy: STANDARD_RETRY,
  payload: z.union([
    z.object({ shop: z.string(), webhookEventId: z.string() }),
    z.object({ shop: z.string(), customer: customerIdentity }),
  ]),
  run: (job) =>
    "webhookEventId" in job
      ? redactCustomerOfWebhook(job.shop, job.webhookEventId)
      : redactCustomerData(job.shop, job.customer),
  consumer: ONE_AT_A_TIME,
  deadLetter: { describe: () => "Customer data erasure" },
});
