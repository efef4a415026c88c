import pg from "pg";
import type { Scenario } from "../scenarios";

/**
 * What the demo's merchant has set up in the app before the visitor arrives: each store's email
 * address, and store emails turned on, so a placed order's email lands in the emulator's outbox.
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

export function applyDemoMerchantSetup(databaseUrl: string, scenario: Scenario): DemoMerchantSetup {
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
    // Keys left out take their defaults when the app reads them (app/domain/store-tasks/settings.ts).
    await pool.query(
      `INSERT INTO "StoreSettings" (shop, settings, "updatedAt", "updatedBy") VALUES ($1, $2, now(), 'The demo')
       ON CONFLICT (shop) DO NOTHING`,
      [shop, JSON.stringify({ emailStoresOnNewTask: true })],
    );
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
