import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "~/services/webhooks/receive-webhook.server";
import { inventoryLevelsUpdate } from "~/services/webhooks/topics/inventory-levels-update.server";

export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, inventoryLevelsUpdate);
