import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveTwilioInbound } from "~/services/notifications/sms/inbound-sms.server";

/** POST /webhooks/twilio/inbound: a shopper's text to a shop's number (STOP, START, HELP …). */
export const loader = () => new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });

export const action = ({ request }: ActionFunctionArgs) => receiveTwilioInbound(request);
