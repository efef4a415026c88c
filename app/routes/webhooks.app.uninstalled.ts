import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "~/services/webhooks/receive-webhook.server";
import { appUninstalled } from "~/services/webhooks/topics/app-uninstalled.server";

export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, appUninstalled);
