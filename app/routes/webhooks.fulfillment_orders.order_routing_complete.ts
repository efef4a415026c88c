import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "~/services/webhooks/receive-webhook.server";
import { fulfillmentOrdersRoutingComplete } from "~/services/webhooks/topics/fulfillment-orders-routing-complete.server";

export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, fulfillmentOrdersRoutingComplete);
