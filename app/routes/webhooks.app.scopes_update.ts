import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "~/services/webhooks/receive-webhook.server";
import { appScopesUpdate } from "~/services/webhooks/topics/app-scopes-update.server";

export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, appScopesUpdate);
