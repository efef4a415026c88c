import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { action as scopesUpdate } from "~/routes/webhooks.app.scopes_update";
import { action as uninstalled } from "~/routes/webhooks.app.uninstalled";
import { recordShopAuthenticated } from "~/services/shop/installations.server";
import { webhookRequest } from "../../../../tests/support/shopify-app";
import { installedShop, uniqueShop } from "../../../../tests/support/shops";

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

async function addSession(shop: string): Promise<void> {
  await prisma.session.create({
    data: { id: `offline_${shop}`, shop, state: "s", accessToken: "shpat", scope: "read_orders" },
  });
}

function uninstall(shop: string, triggeredAt: Date) {
  return uninstalled({
    request: webhookRequest("/webhooks/app/uninstalled", {
      topic: "app/uninstalled",
      shop,
      body: JSON.stringify({ id: 548380009, name: "Super Toys", email: "super@supertoys.com" }),
      triggeredAt: triggeredAt.toISOString(),
    }),
    params: {},
    context: {},
  });
}

function scopes(shop: string, current: string[], updatedAt: Date) {
  return scopesUpdate({
    request: webhookRequest("/webhooks/app/scopes_update", {
      topic: "app/scopes_update",
      shop,
      body: JSON.stringify({ id: 1, previous: [], current, updated_at: updatedAt.toISOString() }),
    }),
    params: {},
    context: {},
  });
}

describe("app lifecycle webhooks", () => {
  it("app/uninstalled logs the shop out and marks it uninstalled, keeping its data for shop/redact", async () => {
    const shop = uniqueShop();
    await recordShopAuthenticated(shop, "read_orders", minutesAgo(60));
    await addSession(shop);

    expect((await uninstall(shop, minutesAgo(1))).status).toBe(200);

    expect(await prisma.session.count({ where: { shop } })).toBe(0);
    const installation = await prisma.shopInstallation.findUniqueOrThrow({ where: { shop } });
    expect(installation.uninstalledAt).not.toBeNull();
  });

  it("does not store the shop owner's details from the app/uninstalled payload", async () => {
    const shop = await installedShop();
    await uninstall(shop, minutesAgo(1));
    const event = await prisma.webhookEvent.findFirstOrThrow({ where: { shop } });
    expect(JSON.stringify(event.payload)).not.toContain("supertoys");
  });

  it("ignores the webhooks of a shop that never installed the app: 200, nothing kept, nothing changed", async () => {
    const shop = uniqueShop();
    expect((await uninstall(shop, minutesAgo(1))).status).toBe(200);
    expect(await prisma.webhookEvent.count({ where: { shop } })).toBe(0);
    expect(await prisma.shopInstallation.count({ where: { shop } })).toBe(0);
  });

  it("ignores an app/uninstalled that arrives late, after the shop reinstalled", async () => {
    const shop = uniqueShop();
    await recordShopAuthenticated(shop, "read_orders", minutesAgo(120));
    await prisma.shopInstallation.update({ where: { shop }, data: { uninstalledAt: minutesAgo(90) } });
    await recordShopAuthenticated(shop, "read_orders", minutesAgo(10));
    await addSession(shop);

    // Triggered 90 minutes ago, before the reinstall ten minutes ago; delivered only now.
    expect((await uninstall(shop, minutesAgo(90))).status).toBe(200);

    expect(await prisma.session.count({ where: { shop } })).toBe(1);
    expect((await prisma.shopInstallation.findUniqueOrThrow({ where: { shop } })).uninstalledAt).toBeNull();
  });

  it("app/scopes_update updates the stored scopes, and an older update arriving later changes nothing", async () => {
    const shop = uniqueShop();
    await recordShopAuthenticated(shop, "read_orders", minutesAgo(60));
    await addSession(shop);

    await scopes(shop, ["read_orders", "read_locations"], minutesAgo(5));
    await scopes(shop, ["read_orders"], minutesAgo(30));

    expect((await prisma.session.findFirstOrThrow({ where: { shop } })).scope).toBe("read_orders,read_locations");
    expect((await prisma.shopInstallation.findUniqueOrThrow({ where: { shop } })).scopes).toBe(
      "read_orders,read_locations",
    );
  });
});
