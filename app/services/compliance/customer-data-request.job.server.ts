import { z } from "zod";
import { defineJob, ONE_AT_A_TIME } from "~/jobs/job-definition.server";
import { STANDARD_RETRY } from "~/jobs/queues";
import { assembleCustomerDataReport } from "./compliance.server";

/** customers/data_request: the report of what the app holds on the customer is assembled on the recorded request. */
export const customerDataRequestJob = defineJob({
  queue: "compliance.customer-data-request",
  policy: STANDARD_RETRY,
  payload: z.object({
    shop: z.string(),
    /** The app's id of the recorded request (not Shopify's). */
    dataRequestId: z.string(),
  }),
  run: ({ shop, dataRequestId }) => assembleCustomerDataReport(shop, dataRequestId, new Date()),
  consumer: ONE_AT_A_TIME,
  deadLetter: { describe: () => "Customer data request" },
});
