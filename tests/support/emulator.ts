import { startEmulatorServer, type RunningEmulator } from "../../dev/emulator/server";
import { signSessionToken } from "../../dev/emulator/session-token";
import type { FetchFunction } from "../../dev/emulator/vendors/http-types";
import { TEST_APP } from "./shopify-app";

/**
 * The local emulator for integration tests, with the test app's credentials, on a free
 * loopback port. Webhooks go to `deliverWebhook` (the app's route actions) instead of HTTP.
 */
export async function startTestEmulator(
  deliverWebhook?: FetchFunction,
  // Shopify's four hours of retries pass in about 1.5 s.
  webhookTimeScale = 0.0001,
): Promise<RunningEmulator> {
  return startEmulatorServer({
    port: 0,
    publicUrl: "http://127.0.0.1:0", // replaced by the real port once listening
    appUrl: TEST_APP.appUrl,
    apiKey: TEST_APP.apiKey,
    apiSecret: TEST_APP.apiSecret,
    scopes: TEST_APP.scopes,
    scenario: "chicago",
    webhookTimeScale,
    restoreRatePerSecond: 1000,
    ...(deliverWebhook ? { deliverWebhook } : {}),
  });
}

export function sessionTokenFor(shop: string): string {
  return signSessionToken({ shop, apiKey: TEST_APP.apiKey, now: new Date() }, TEST_APP.apiSecret);
}
