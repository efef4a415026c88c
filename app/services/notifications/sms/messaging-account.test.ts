import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { uniqueShop } from "../../../../tests/support/shops";

// A rotation happened: this file's process opens with the previous key too.
const PREVIOUS_KEY = crypto.randomBytes(32);
process.env.CREDENTIALS_KEY_PREVIOUS = PREVIOUS_KEY.toString("base64");

const { prisma } = await import("~/db.server");
const { sealSecret, openSecret } = await import("~/services/secrets/sealed-secrets.server");
const { credentialsKeysFrom } = await import("~/services/secrets/credentials-keys.server");
const { env } = await import("~/env.server");
const accounts = await import("./messaging-account.server");

const ACCOUNT_SID = `AC${"a1".repeat(16)}`;
const TOKEN = "0123456789abcdef0123456789ab1a2b";

describe("a shop's Twilio account", () => {
  it("keeps the auth token sealed at rest and shows it back masked", async () => {
    const shop = uniqueShop();
    await accounts.saveShopTwilioAccount(shop, {
      accountSid: ACCOUNT_SID,
      authToken: TOKEN,
      messagingServiceSid: `MG${"b2".repeat(16)}`,
      smsHelpText: null,
    });

    const row = await prisma.shopMessagingAccount.findUniqueOrThrow({ where: { shop } });
    expect(row.twilioAuthTokenSealed).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain(TOKEN);
    expect(await accounts.shopTwilioAccountForDisplay(shop)).toEqual({
      accountSid: ACCOUNT_SID,
      authTokenMasked: "…1a2b",
      authTokenUnreadable: false,
      messagingServiceSid: `MG${"b2".repeat(16)}`,
      smsHelpText: null,
    });
    expect(await accounts.shopTwilioAccount(shop)).toMatchObject({ shop, accountSid: ACCOUNT_SID, authToken: TOKEN });
  });

  it("keeps the saved token when the form sends none, and replaces it when it sends one", async () => {
    const shop = uniqueShop();
    const base = { accountSid: ACCOUNT_SID, messagingServiceSid: null, smsHelpText: null };
    await accounts.saveShopTwilioAccount(shop, { ...base, authToken: TOKEN });
    await accounts.saveShopTwilioAccount(shop, { ...base, authToken: "", smsHelpText: "Help text" });
    expect(await accounts.shopTwilioAccount(shop)).toMatchObject({ authToken: TOKEN, smsHelpText: "Help text" });

    await accounts.saveShopTwilioAccount(shop, { ...base, authToken: "a-brand-new-token-9z9z" });
    expect(await accounts.shopTwilioAccount(shop)).toMatchObject({ authToken: "a-brand-new-token-9z9z" });
  });

  it("seals again under the current key a token the previous key sealed, once it is used", async () => {
    const shop = uniqueShop();
    const sealedBefore = sealSecret(TOKEN, { current: PREVIOUS_KEY });
    await prisma.shopMessagingAccount.create({
      data: { shop, twilioAccountSid: ACCOUNT_SID, twilioAuthTokenSealed: sealedBefore },
    });

    expect(await accounts.shopTwilioAccount(shop)).toMatchObject({ authToken: TOKEN });

    const { twilioAuthTokenSealed } = await prisma.shopMessagingAccount.findUniqueOrThrow({ where: { shop } });
    expect(twilioAuthTokenSealed).not.toBe(sealedBefore);
    const currentOnly = { current: credentialsKeysFrom(env).current };
    expect(openSecret(twilioAuthTokenSealed!, currentOnly)).toMatchObject({ ok: true, plaintext: TOKEN });
  });

  it("has no account to send from when the token opens with no key, and says so on display", async () => {
    const shop = uniqueShop();
    await prisma.shopMessagingAccount.create({
      data: {
        shop,
        twilioAccountSid: ACCOUNT_SID,
        twilioAuthTokenSealed: sealSecret(TOKEN, { current: crypto.randomBytes(32) }),
      },
    });

    expect(await accounts.shopTwilioAccount(shop)).toBeNull();
    expect(await accounts.shopTwilioAccountForDisplay(shop)).toMatchObject({
      authTokenMasked: null,
      authTokenUnreadable: true,
    });
  });

  it("finds an inbound text's shop by account SID, told apart by Messaging Service", async () => {
    const accountSid = `AC${crypto.randomBytes(16).toString("hex")}`;
    const [north, south] = [uniqueShop(), uniqueShop()].sort();
    const northService = `MG${"1".repeat(32)}`;
    const southService = `MG${"2".repeat(32)}`;
    await accounts.saveShopTwilioAccount(north!, {
      accountSid,
      authToken: TOKEN,
      messagingServiceSid: northService,
      smsHelpText: null,
    });

    expect(await accounts.shopTwilioAccountForInbound(accountSid, null)).toMatchObject({
      account: { shop: north },
      ambiguous: false,
    });
    await accounts.saveShopTwilioAccount(south!, {
      accountSid,
      authToken: TOKEN,
      messagingServiceSid: southService,
      smsHelpText: null,
    });

    expect(await accounts.shopTwilioAccountForInbound(accountSid, southService)).toMatchObject({
      account: { shop: south },
      ambiguous: false,
    });
    expect(await accounts.shopTwilioAccountForInbound(accountSid, null)).toMatchObject({ ambiguous: true });
    expect(await accounts.shopTwilioAccountForInbound(`AC${"f".repeat(32)}`, null)).toBeNull();
  });
});

describe("a shop's OneSignal app", () => {
  const APP_ID = "5eb5a37e-b458-11e3-ac11-000c2940e62c";
  const REST_API_KEY = "os_v2_app_restkey_for_tests_9f3c";

  it("keeps the REST API key sealed at rest, shows it back masked, and keeps it when the form sends none", async () => {
    const shop = uniqueShop();
    expect(await accounts.shopOneSignalAccount(shop)).toBeNull();
    await accounts.saveShopOneSignalAccount(shop, { appId: APP_ID, restApiKey: REST_API_KEY });
    await accounts.saveShopOneSignalAccount(shop, { appId: APP_ID, restApiKey: "" });

    const row = await prisma.shopMessagingAccount.findUniqueOrThrow({ where: { shop } });
    expect(row.onesignalRestApiKeySealed).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain(REST_API_KEY);
    expect(await accounts.shopOneSignalAccountForDisplay(shop)).toEqual({
      appId: APP_ID,
      restApiKeyMasked: "…9f3c",
      restApiKeyUnreadable: false,
    });
    expect(await accounts.shopOneSignalAccount(shop)).toEqual({ appId: APP_ID, restApiKey: REST_API_KEY });
  });

  it("is another shop's only: a shop without its own app has none", async () => {
    const shop = uniqueShop();
    await accounts.saveShopOneSignalAccount(shop, { appId: APP_ID, restApiKey: REST_API_KEY });
    expect(await accounts.shopOneSignalAccount(uniqueShop())).toBeNull();
  });
});
