import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveSendGridEvents } from "~/services/notifications/email-events/receive-sendgrid-events.server";

/** SendGrid's Event Webhook (customer emails' delivery, bounces, unsubscribes); signed, see the service. */
export const action = ({ request }: ActionFunctionArgs) =>
  request.method === "POST"
    ? receiveSendGridEvents(request)
    : Response.json({ error: "Method not allowed" }, { status: 405, headers: { Allow: "POST" } });

export const loader = () => Response.json({ error: "Method not allowed" }, { status: 405, headers: { Allow: "POST" } });
