import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "~/services/webhooks/receive-webhook.server";
import { customersRedact } from "~/services/webhooks/topics/customers-redact.server";

export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, customersRedact);
