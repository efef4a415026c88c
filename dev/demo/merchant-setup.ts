import pg from "pg";
import { sealSecret } from "../../app/services/secrets/sealed-secrets.server";
import type { Scenario } from "../scenarios";

/**
 * What the demo's merchant has set up in the app before the visitor arrives: each store's email
 * address, and store emails turned on, so a placed order's email lands in the emulator's outbox;
 * and the shop's own Twilio, SendGrid and OneSignal accounts (the emulator's), sealed as the app
 * seals them, so the customers' texts, emails and pushes go out and the vendors' callbacks are checked.
 * The app creates the shop's location profiles when it is installed (the first admin page
 * load), so this waits for them, then fills in only what is unset: a later run keeps whatever
 * the visitor changed.
 */
export interface DemoMerchantSetup {
  /** Resolves once the setup is applied. */
  applied: Promise<void>;
  stop(): Promise<void>;
}

const POLL_MS = 1_000;

/** The shop's vendor accounts, as a merchant would enter them in the settings. */
export interface DemoMessagingAccounts {
  /** The app's CREDENTIALS_KEY (base64), which seals the secrets. */
  credentialsKey: string;
  twilio: { accountSid: string; authToken: string };
  sendgrid: { apiKey: string };
  /** The emulator's push sandbox, as OneSignal's app id and REST API key. */
  push?: { appId: string; restApiKey: string };
  /** The emulator's SendGrid Event Webhook key, new each run (read from its settings endpoint). */
  sendgridEventPublicKey: () => Promise<string | null>;
}

/** A Messaging Service SID for the demo shop: the sandbox sends from its number. */
const DEMO_MESSAGING_SERVICE_SID = "MG00000000000000000000000000000demo".padEnd(34, "0");

export function applyDemoMerchantSetup(
  databaseUrl: string,
  scenario: Scenario,
  messaging?: DemoMessagingAccounts,
): DemoMerchantSetup {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const shop = scenario.shop.domain;
  const storeEmails = scenario.locations.flatMap((location) =>
    location.kind === "STORE" && location.profile.storeEmail
      ? [{ locationId: String(location.id), email: location.profile.storeEmail }]
      : [],
  );
  let stopped = false;

  /** Every scenario store has its profile: the app's locations sync made them all at once. */
  async function profilesExist(): Promise<boolean> {
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "LocationProfile" WHERE shop = $1 AND "locationId" = ANY($2)`,
      [shop, storeEmails.map((store) => store.locationId)],
    );
    return (rows[0]?.n ?? 0) === storeEmails.length;
  }

  async function apply(): Promise<void> {
    while (!stopped && !(await profilesExist())) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (stopped) return;
    for (const { locationId, email } of storeEmails) {
      await pool.query(
        `UPDATE "LocationProfile" SET "storeEmail" = $3 WHERE shop = $1 AND "locationId" = $2 AND "storeEmail" IS NULL`,
        [shop, locationId, email],
      );
    }
    if (messaging) await setUpMessagingAccounts(messaging);
    // Keys left out take their defaults when the app reads them (app/domain/store-tasks/settings.ts).
    await pool.query(
      `INSERT INTO "StoreSettings" (shop, settings, "updatedAt", "updatedBy") VALUES ($1, $2, now(), 'The demo')
       ON CONFLICT (shop) DO NOTHING`,
      [shop, JSON.stringify({ emailStoresOnNewTask: true })],
    );
  }

  /** The accounts once (a visitor's later changes stay); the event key every run (the emulator's is new). */
  async function setUpMessagingAccounts(accounts: DemoMessagingAccounts): Promise<void> {
    const keys = { current: Buffer.from(accounts.credentialsKey, "base64") };
    await pool.query(
      `INSERT INTO "ShopMessagingAccount" (shop, "twilioAccountSid", "twilioAuthTokenSealed", "twilioMessagingServiceSid",
         "sendgridApiKeySealed", "sendgridFromEmail", "sendgridFromName", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, now()) ON CONFLICT (shop) DO NOTHING`,
      [
        shop,
        accounts.twilio.accountSid,
        sealSecret(accounts.twilio.authToken, keys),
        DEMO_MESSAGING_SERVICE_SID,
        sealSecret(accounts.sendgrid.apiKey, keys),
        `orders@${shop.replace(".myshopify.com", "")}.example`,
        scenario.shop.name,
      ],
    );
    // A shop set up with the demo's first account SID (two characters short, which Twilio's inbound
    // texts could not carry) moves to the current one.
    await pool.query(
      `UPDATE "ShopMessagingAccount" SET "twilioAccountSid" = $2 WHERE shop = $1 AND "twilioAccountSid" = $3`,
      [shop, accounts.twilio.accountSid, "AC00000000000000000000000000demo"],
    );
    // Also on a shop set up before push was: filled in only while unset.
    if (accounts.push) {
      await pool.query(
        `UPDATE "ShopMessagingAccount" SET "onesignalAppId" = $2, "onesignalRestApiKeySealed" = $3
          WHERE shop = $1 AND "onesignalAppId" IS NULL`,
        [shop, accounts.push.appId, sealSecret(accounts.push.restApiKey, keys)],
      );
    }
    const eventKey = await accounts.sendgridEventPublicKey();
    if (eventKey) {
      await pool.query(`UPDATE "ShopMessagingAccount" SET "sendgridEventPublicKey" = $2 WHERE shop = $1`, [
        shop,
        eventKey,
      ]);
    }
  }

  const applied = apply().catch((error: unknown) => {
    if (!stopped) process.stderr.write(`The demo's store emails were not set up: ${String(error)}\n`);
  });
  return {
    applied,
    async stop() {
      stopped = true;
      await applied;
      await pool.end();
    },
  };
}
