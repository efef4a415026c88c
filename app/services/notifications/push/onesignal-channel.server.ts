import { env } from "~/env.server";
import {
  createOneSignalClient,
  type OneSignalAccount,
  type OneSignalClient,
} from "~/integrations/onesignal/onesignal-push.server";
import { shopOneSignalAccount } from "../sms/messaging-account.server";
import type { PushChannel } from "./push-channel";

/** The OneSignal client as this process's environment sets it up: OneSignal itself, or ONESIGNAL_API_URL's stand-in. */
export function oneSignalFromEnvironment(): OneSignalClient {
  return createOneSignalClient(env.ONESIGNAL_API_URL ? { apiUrl: env.ONESIGNAL_API_URL } : {});
}

/** Push through one shop's OneSignal app. */
export function oneSignalPushChannel(account: OneSignalAccount, client: OneSignalClient): PushChannel {
  return {
    service: "OneSignal",
    async send(message) {
      const outcome = await client.send(account, {
        externalId: message.recipient,
        heading: message.heading,
        body: message.body,
        ...(message.url ? { url: message.url } : {}),
        idempotencyKey: message.idempotencyKey,
      });
      return outcome.kind === "REFUSED"
        ? { kind: "REFUSED", message: `OneSignal refused it: ${outcome.message} (${outcome.status})` }
        : outcome;
    },
  };
}

/** The shop's push channel; null when it has no OneSignal app (or its key cannot be opened). */
export async function shopPushChannel(shop: string, client: OneSignalClient): Promise<PushChannel | null> {
  const account = await shopOneSignalAccount(shop);
  return account ? oneSignalPushChannel(account, client) : null;
}
