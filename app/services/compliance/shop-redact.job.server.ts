import { z } from "zod";
import { defineJob, ONE_AT_A_TIME } from "~/jobs/job-definition.server";
import { STANDARD_RETRY } from "~/jobs/queues";
import { eraseShopData } from "./compliance.server";

/** shop/redact (48 hours after uninstall): everything held for the shop is erased. */
export const shopRedactJob = defineJob({
  queue: "compliance.shop-redact",
  policy: STANDARD_RETRY,
  payload: z.object({ shop: z.string() }),
  run: ({ shop }) => eraseShopData(shop),
  consumer: ONE_AT_A_TIME,
  deadLetter: { describe: () => "Store data erasure" },
});
