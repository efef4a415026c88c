import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "~/services/webhooks/receive-webhook.server";
import { locationsDelete } from "~/services/webhooks/topics/locations.server";

export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, locationsDelete);
