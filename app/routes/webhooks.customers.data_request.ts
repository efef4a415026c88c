import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "~/services/webhooks/receive-webhook.server";
import { customersDataRequest } from "~/services/webhooks/topics/customers-data-request.server";

export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, customersDataRequest);
