import { z } from "zod";
import { updateShopSessionScopes } from "~/models/sessions.server";
import { recordScopes } from "~/models/shop-installations.server";
import type { WebhookTopicHandler } from "../receive-webhook.server";

const payload = z.object({
  current: z.array(z.string()),
  updated_at: z.string().datetime({ offset: true }).optional(),
});

/** app/scopes_update: keeps the stored scopes in step with what the merchant granted. */
export const appScopesUpdate: WebhookTopicHandler<typeof payload> = {
  topic: "APP_SCOPES_UPDATE",
  payload,
  async applyWithPrisma(tx, webhook) {
    const scopes = webhook.payload.current.join(",");
    const changedAt = webhook.payload.updated_at ? new Date(webhook.payload.updated_at) : webhook.triggeredAt;
    // Out-of-order deliveries: an older change never overwrites a newer one.
    const outcome = await recordScopes(tx, webhook.shop, scopes, changedAt);
    if (outcome !== "stale") await updateShopSessionScopes(tx, webhook.shop, scopes);
  },
};
