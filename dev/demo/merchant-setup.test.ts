import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import { seedMirror } from "../../tests/support/mirror";
import { scenarios } from "../scenarios";
import { openSecret } from "../../app/services/secrets/sealed-secrets.server";
import { applyDemoMerchantSetup } from "./merchant-setup";

/** The demo's merchant setup, against this test file's own database as the app leaves it after install. */

const scenario = scenarios.chicago();
const shop = scenario.shop.domain;
let prisma: PrismaClient;

beforeAll(async () => {
  ({ prisma } = await import("~/db.server"));
});

/** The shop's locations and profiles, as the app's install leaves them (once per file). */
async function seedScenarioMirror(): Promise<void> {
  if ((await prisma.locationProfile.count({ where: { shop } })) > 0) return;
  await seedMirror(
    prisma,
    shop,
    scenario.locations.map((location) => ({
      locationId: String(location.id),
      name: location.name,
      kind: location.kind,
      lat: location.address.latitude,
      lng: location.address.longitude,
      stock: {},
    })),
  );
}

afterAll(async () => {
  await prisma.$disconnect();
});

describe("the demo's merchant setup", () => {
  it("waits for the installed shop's profiles, then gives each store its email and turns store emails on", async () => {
    const setup = applyDemoMerchantSetup(process.env.DATABASE_URL!, scenario);
    try {
      await seedScenarioMirror();
      // The visitor had already given one store another address: it stays.
      const [firstStore] = scenario.locations.filter((location) => location.kind === "STORE");
      await prisma.locationProfile.update({
        where: { shop_locationId: { shop, locationId: String(firstStore!.id) } },
        data: { storeEmail: "visitor@example.com" },
      });
      await setup.applied;
    } finally {
      await setup.stop();
    }

    const emails = new Map(
      (await prisma.locationProfile.findMany({ where: { shop } })).map((profile) => [
        profile.locationId,
        profile.storeEmail,
      ]),
    );
    const stores = scenario.locations.filter((location) => location.kind === "STORE");
    const warehouse = scenario.locations.find((location) => location.kind === "WAREHOUSE")!;
    expect(emails.get(String(warehouse.id))).toBeNull();
    expect(emails.get(String(stores[0]!.id))).toBe("visitor@example.com");
    expect(stores.slice(1).map((store) => emails.get(String(store.id)))).toEqual(
      stores.slice(1).map((store) => store.profile.storeEmail),
    );
    expect(emails.get(String(stores[1]!.id))).toMatch(/^[a-z0-9-]+@windy-city-outfitters\.example$/);
    const { storeSettingsFor } = await import("~/services/store-tasks/store-settings.server");
    expect(await storeSettingsFor(shop)).toMatchObject({ emailStoresOnNewTask: true, pickTargetSeconds: 360 });
  });

  it("gives the shop its Twilio, SendGrid and OneSignal accounts sealed with the app's key, and this run's event key", async () => {
    const credentialsKey = Buffer.alloc(32, 7).toString("base64");
    const setup = applyDemoMerchantSetup(process.env.DATABASE_URL!, scenario, {
      credentialsKey,
      twilio: { accountSid: "AC123", authToken: "twilio-token" },
      sendgrid: { apiKey: "SG.key" },
      push: { appId: "00000000-0000-4000-8000-0000000de300", restApiKey: "push-key" },
      sendgridEventPublicKey: async () => "MFkwEwYH-event-key",
    });
    try {
      await seedScenarioMirror();
      await setup.applied;
    } finally {
      await setup.stop();
    }

    const account = await prisma.shopMessagingAccount.findUniqueOrThrow({ where: { shop } });
    const keys = { current: Buffer.from(credentialsKey, "base64") };
    expect(account).toMatchObject({ twilioAccountSid: "AC123", sendgridEventPublicKey: "MFkwEwYH-event-key" });
    expect(account.twilioAuthTokenSealed).not.toContain("twilio-token");
    expect(openSecret(account.twilioAuthTokenSealed!, keys)).toMatchObject({ ok: true, plaintext: "twilio-token" });
    expect(openSecret(account.sendgridApiKeySealed!, keys)).toMatchObject({ ok: true, plaintext: "SG.key" });
    expect(account.onesignalAppId).toBe("00000000-0000-4000-8000-0000000de300");
    expect(openSecret(account.onesignalRestApiKeySealed!, keys)).toMatchObject({ ok: true, plaintext: "push-key" });
  });
});
