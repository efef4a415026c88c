import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "~/services/webhooks/receive-webhook.server";
import { fulfillmentOrdersHoldReleased } from "~/services/webhooks/topics/fulfillment-orders-hold-released.server";

export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, fulfillmentOrdersHoldReleased);
