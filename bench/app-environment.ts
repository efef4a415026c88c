import os from "node:os";
import { TEST_APP } from "../tests/support/shopify-app";

/**
 * The environment the app reads on first import, for a bench that runs the app in-process
 * against its own database and emulator: the test app's credentials, no in-process workers.
 */
export function setBenchAppEnvironment(databaseUrl: string, emulatorUrl: string): void {
  process.env.NODE_ENV = "test";
  process.env.DATABASE_URL = databaseUrl;
  process.env.SHOPIFY_API_KEY = TEST_APP.apiKey;
  process.env.SHOPIFY_API_SECRET = TEST_APP.apiSecret;
  process.env.SHOPIFY_APP_URL = TEST_APP.appUrl;
  process.env.SCOPES = TEST_APP.scopes;
  process.env.RUN_WORKERS_IN_PROCESS = "false";
  process.env.SHOPIFY_EMULATOR_URL = emulatorUrl;
}

/** The machine's one-minute load average, printed beside each window's figures. */
export const loadAverage = (): number => os.loadavg()[0]!;
