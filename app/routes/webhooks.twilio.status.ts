import type { ActionFunctionArgs } from "@remix-run/node";
import { cadenceClock } from "~/services/notifications/clock.server";
import { receiveTwilioStatusCallback } from "~/services/notifications/sms/status-callback.server";

/** POST /webhooks/twilio/status?nid=<notification id>: Twilio's status callback for one text. */
export const loader = () => new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });

// Delivered at the cadence's time: in the demo, the moved clock's (ADR 012).
export const action = ({ request }: ActionFunctionArgs) => receiveTwilioStatusCallback(request, cadenceClock.now());
