import { z } from "zod";
import { defineJob, ONE_AT_A_TIME } from "~/jobs/job-definition.server";
import { STANDARD_RETRY } from "~/jobs/queues";
import type { CustomerIdentity } from "~/models/data-registry.server";
import { redactCustomerData } from "./compliance.server";

const customerIdentity = z.object({
  id: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  orderIds: z.array(z.string()),
}) satisfies z.ZodType<CustomerIdentity>;

/** customers/redact: the customer's personal data is deleted or anonymised everywhere. */
export const customerRedactJob = defineJob({
  queue: "compliance.customer-redact",
  policy: STANDARD_RETRY,
  payload: z.object({ shop: z.string(), customer: customerIdentity }),
  run: ({ shop, customer }) => redactCustomerData(shop, customer),
  consumer: ONE_AT_A_TIME,
  deadLetter: { describe: () => "Customer data erasure" },
});
