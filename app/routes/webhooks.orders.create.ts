import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "~/services/webhooks/receive-webhook.server";
import { ordersCreate } from "~/services/webhooks/topics/orders-create.server";

export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, ordersCreate);
