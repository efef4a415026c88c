import { inject } from "vitest";
import { createDatabaseFromTemplate } from "../support/database";
import { TEST_APP } from "../support/shopify-app";

/**
 * Runs before each test file is imported: a fresh database of its own, and the app's
 * environment with test credentials, so `app/env.server.ts` validates as it does in
 * production.
 */
process.env.NODE_ENV = "test";
process.env.SHOPIFY_API_KEY = TEST_APP.apiKey;
process.env.SHOPIFY_API_SECRET = TEST_APP.apiSecret;
process.env.SHOPIFY_APP_URL = TEST_APP.appUrl;
process.env.SCOPES = TEST_APP.scopes;
process.env.RUN_WORKERS_IN_PROCESS = "false";
// A fulfilment order's store-task sync waits for routing's turn: a second, not a merchant's five.
process.env.STORE_TASK_SYNC_AFTER_ROUTING_SECONDS = "1";
process.env.CREDENTIALS_KEY = TEST_APP.credentialsKey;
process.env.DATABASE_URL = await createDatabaseFromTemplate(inject("postgresAdminUrl"));
