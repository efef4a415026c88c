import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "~/services/webhooks/receive-webhook.server";
import { shopRedact } from "~/services/webhooks/topics/shop-redact.server";

export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, shopRedact);
