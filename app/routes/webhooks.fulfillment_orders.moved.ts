import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "~/services/webhooks/receive-webhook.server";
import { fulfillmentOrdersMoved } from "~/services/webhooks/topics/fulfillment-orders-moved.server";

export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, fulfillmentOrdersMoved);
