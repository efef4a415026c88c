import { z } from "zod";
import { shopRedactJob } from "~/services/compliance/shop-redact.job.server";
import type { WebhookTopicHandler } from "../receive-webhook.server";
import { shopifyId } from "./shared-schemas";

const payload = z.object({ shop_id: shopifyId, shop_domain: z.string().min(1) });

/** shop/redact (48 hours after uninstall): erase everything held for the shop, in a job. */
export const shopRedact: WebhookTopicHandler<typeof payload> = {
  topic: "SHOP_REDACT",
  payload,
  shopDomainOf: (body) => body.shop_domain,
  async apply(tx, webhook) {
    await shopRedactJob.enqueue(tx, { shop: webhook.shop });
  },
};
