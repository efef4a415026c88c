import crypto from "node:crypto";
import { z } from "zod";
import { toE164 } from "~/domain/sms/phone-numbers";
import { env } from "~/env.server";
import { createOneSignalClient, type OneSignalClient } from "~/integrations/onesignal/onesignal-push.server";
import { createSendGridMailer } from "~/integrations/sendgrid/sendgrid-mailer.server";
import type { CustomerEmailTransport } from "~/integrations/sendgrid/customer-email.server";
import { twilioMessaging } from "~/integrations/twilio/twilio-from-environment.server";
import type { TwilioMessaging } from "~/integrations/twilio/twilio-messaging.server";
import { shopSendGridSender } from "../send/shop-sendgrid-account.server";
import { shopOneSignalAccount, shopTwilioAccount } from "../sms/messaging-account.server";
import { TEST_SEND_VENDORS, type TestSendOutcome, type TestSendVendor } from "./test-send-outcome";

/**
 * "Send test" on the Sender accounts card: one real message from the shop's saved account to a
 * number, address or external id the merchant types, which is how the credentials are checked
 * (a refused key says so in the vendor's words). Never throws a vendor error.
 */

export interface TestSendDependencies {
  messaging(): TwilioMessaging;
  emailTransport(): CustomerEmailTransport;
  push(): OneSignalClient;
}

export const defaultTestSendDependencies: TestSendDependencies = {
  messaging: twilioMessaging,
  emailTransport: () => (env.SENDGRID_API_URL ? { baseUrl: env.SENDGRID_API_URL } : {}),
  push: () => createOneSignalClient(env.ONESIGNAL_API_URL ? { apiUrl: env.ONESIGNAL_API_URL } : {}),
};

/** US shops' numbers are read as US numbers when they carry no country code (as the sender reads them). */
const DEFAULT_PHONE_COUNTRY = "US";
const EXTERNAL_ID_MAX = 128;

const refused = (vendor: TestSendVendor, message: string, badInput = false): TestSendOutcome => ({
  ok: false,
  vendor,
  message,
  badInput,
});

export function isTestSendVendor(value: unknown): value is TestSendVendor {
  return typeof value === "string" && (TEST_SEND_VENDORS as readonly string[]).includes(value);
}

async function testTwilio(shop: string, to: string, shopName: string, deps: TestSendDependencies) {
  const phone = toE164(to, DEFAULT_PHONE_COUNTRY);
  if (!phone) return refused("twilio", "Enter a mobile number, such as +1 312 555 0123", true);
  const account = await shopTwilioAccount(shop);
  if (!account) return refused("twilio", "Save your Twilio account first, then send a test");
  const outcome = await deps.messaging().sendSms({
    account,
    to: phone,
    body: `${shopName}: a test text from Omniroute. Your Twilio account can text your customers.`,
    statusCallbackUrl: null,
  });
  switch (outcome.kind) {
    case "SENT":
      return { ok: true as const, vendor: "twilio" as const, id: outcome.sid, message: `Sent to ${phone}` };
    case "REFUSED":
      return refused("twilio", `Twilio refused it: ${outcome.message}${outcome.code ? ` (${outcome.code})` : ""}`);
    case "UNKNOWN":
      return refused("twilio", `Twilio did not answer: ${outcome.message}. Check your phone before trying again`);
  }
}

async function testSendGrid(shop: string, to: string, shopName: string, deps: TestSendDependencies) {
  const address = to.trim();
  if (!z.email().safeParse(address).success) {
    return refused("sendgrid", "Enter an email address, such as you@yourshop.com", true);
  }
  const sender = await shopSendGridSender(shop);
  if (!sender) return refused("sendgrid", "Save your SendGrid account and its From email first, then send a test");
  const mailer = createSendGridMailer({ apiKey: sender.apiKey, ...deps.emailTransport() });
  const text = `This is a test email from Omniroute: ${shopName}'s SendGrid account can email your customers.`;
  const outcome = await mailer.send({
    to: { email: address },
    from: sender.from,
    subject: `${shopName}: test email from Omniroute`,
    text,
    html: `<p>${escapeHtml(text)}</p>`,
  });
  if (outcome.ok) {
    return {
      ok: true as const,
      vendor: "sendgrid" as const,
      id: outcome.messageId ?? "accepted",
      message: `Sent to ${address}`,
    };
  }
  return outcome.kind === "REJECTED"
    ? refused("sendgrid", `SendGrid refused it: ${outcome.error}`)
    : refused("sendgrid", `SendGrid did not answer: ${outcome.error}. Check the inbox before trying again`);
}

async function testOneSignal(shop: string, to: string, shopName: string, deps: TestSendDependencies) {
  const externalId = to.trim();
  if (externalId === "" || externalId.length > EXTERNAL_ID_MAX || /\s/.test(externalId)) {
    return refused(
      "onesignal",
      "Enter the external id of a subscribed device (your own customer id, for instance)",
      true,
    );
  }
  const account = await shopOneSignalAccount(shop);
  if (!account) return refused("onesignal", "Save your OneSignal app first, then send a test");
  const outcome = await deps.push().send(account, {
    externalId,
    heading: shopName,
    body: "A test notification from Omniroute: your OneSignal app can reach your customers.",
    // A test of its own: never the same push as another.
    idempotencyKey: crypto.randomUUID(),
  });
  switch (outcome.kind) {
    case "SENT":
      return { ok: true as const, vendor: "onesignal" as const, id: outcome.id, message: `Sent to ${externalId}` };
    case "NO_SUBSCRIBED_DEVICE":
      return refused(
        "onesignal",
        `OneSignal accepted your key, but external id ${externalId} has no subscribed device: nothing was sent`,
      );
    case "REFUSED":
      return refused("onesignal", `OneSignal refused it: ${outcome.message} (${outcome.status})`);
    case "UNKNOWN":
      return refused("onesignal", `OneSignal did not answer: ${outcome.message}`);
  }
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** Sends one test message from the shop's saved `vendor` account to `to`. */
export async function sendTestMessage(
  shop: string,
  { vendor, to, shopName }: { vendor: TestSendVendor; to: string; shopName: string },
  deps: TestSendDependencies = defaultTestSendDependencies,
): Promise<TestSendOutcome> {
  if (to.length > 320) return refused(vendor, "That is longer than any number, address or id", true);
  try {
    if (vendor === "twilio") return await testTwilio(shop, to, shopName, deps);
    if (vendor === "sendgrid") return await testSendGrid(shop, to, shopName, deps);
    return await testOneSignal(shop, to, shopName, deps);
  } catch (error) {
    // The adapters answer vendor errors as values; what is left is the app's own (a sealed key not opened …).
    console.error(`notifications: the ${vendor} test send of ${shop} failed`, error);
    return refused(vendor, "The test could not be sent. Try again in a moment");
  }
}
