import { env } from "~/env.server";
import { createTwilioMessaging, type TwilioMessaging } from "./twilio-messaging.server";

let messaging: TwilioMessaging | undefined;

/** The adapter as this process's environment sets it up: Twilio itself, or TWILIO_API_URL's stand-in. */
export function twilioMessaging(): TwilioMessaging {
  messaging ??= createTwilioMessaging(env.TWILIO_API_URL ? { apiUrl: env.TWILIO_API_URL } : {});
  return messaging;
}
