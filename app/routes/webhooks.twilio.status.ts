import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveTwilioStatusCallback } from "~/services/notifications/sms/status-callback.server";

/** POST /webhooks/twilio/status?nid=<notification id>: Twilio's status callback for one text. */
export const loader = () => new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });

export const action = ({ request }: ActionFunctionArgs) => receiveTwilioStatusCallback(request);
