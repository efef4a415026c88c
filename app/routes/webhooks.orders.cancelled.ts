import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "~/services/webhooks/receive-webhook.server";
import { ordersCancelled } from "~/services/webhooks/topics/orders-cancelled.server";

export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, ordersCancelled);
