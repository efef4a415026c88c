import { z } from "zod";
import { deleteShopSessions } from "~/models/sessions.server";
import { recordUninstall } from "~/models/shop-installations.server";
import type { WebhookTopicHandler } from "../receive-webhook.server";

const payload = z.object({ id: z.union([z.number(), z.string()]) }).passthrough();

/**
 * app/uninstalled: the shop's tokens are dead; drop its sessions and mark it uninstalled.
 * Its data stays until shop/redact (48 hours later), so a quick reinstall loses nothing.
 */
export const appUninstalled: WebhookTopicHandler<typeof payload> = {
  topic: "APP_UNINSTALLED",
  payload,
  // The shop's address and owner details are not needed to act on this event.
  stored: (body) => ({ id: String(body.id) }),
  async applyWithPrisma(tx, webhook) {
    const outcome = await recordUninstall(tx, webhook.shop, webhook.triggeredAt);
    // A late uninstall from before a reinstall must not log the reinstalled shop out.
    if (outcome !== "stale") await deleteShopSessions(tx, webhook.shop);
  },
};
