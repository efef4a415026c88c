import { createTwilioMessaging } from "~/integrations/twilio/twilio-messaging.server";
import { sendDueNotifications } from "./send-due.server";

/**
 * The sending job in a process of its own, for sender-crash.test.ts to kill mid-send: one
 * `sendDueNotifications` run for one shop against the Twilio API at SENDER_CRASH_TWILIO_URL, on
 * the clock SENDER_CRASH_NOW. Says "[sender] ready" when it starts sending, "[sender] done" after.
 */

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`sender-crash child: ${name} is not set`);
  return value;
}

const shop = required("SENDER_CRASH_SHOP");
const now = new Date(required("SENDER_CRASH_NOW"));
// Longer than the sandbox's slowed answers: the process is killed waiting, never timed out.
const messaging = createTwilioMessaging({ apiUrl: required("SENDER_CRASH_TWILIO_URL"), timeoutMs: 60_000 });

console.log("[sender] ready");
const summary = await sendDueNotifications(
  { shop },
  {
    messaging: () => messaging,
    emailTransport: () => ({}),
    shopName: () => Promise.resolve("Windy City Outfitters"),
    now: () => now,
  },
);
console.log(`[sender] done ${JSON.stringify(summary)}`);
process.exit(0);
