import { z } from "zod";
import { appJobQueue } from "~/jobs/app-job-queue.server";
import { enqueueInTransaction } from "~/jobs/jobs.server";
import { QUEUES } from "~/jobs/queues";
import type { WebhookTopicHandler } from "../receive-webhook.server";
import { shopifyId } from "./shared-schemas";

const payload = z.object({ shop_id: shopifyId, shop_domain: z.string().min(1) });

/** shop/redact (48 hours after uninstall): erase everything held for the shop, in a job. */
export const shopRedact: WebhookTopicHandler<typeof payload> = {
  topic: "SHOP_REDACT",
  payload,
  async apply(tx, webhook) {
    await enqueueInTransaction(await appJobQueue(), tx, QUEUES.shopRedact.name, { shop: webhook.shop });
  },
};
