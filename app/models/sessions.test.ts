import { describe, expect, it } from "vitest";
import { Session } from "@shopify/shopify-api";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import prisma from "~/db.server";
import { uniqueShop } from "../../tests/support/shops";
import { countShopSessions, deleteShopSessions } from "./sessions.server";

describe("Shopify session storage on PostgreSQL", () => {
  const storage = new PrismaSessionStorage(prisma);

  it("stores and loads an expiring offline session with its refresh token unchanged", async () => {
    const shop = uniqueShop();
    const session = new Session({
      id: `offline_${shop}`,
      shop,
      state: "state-1",
      isOnline: false,
      scope: "read_locations,read_orders",
      accessToken: "shpat_access",
      expires: new Date(Date.now() + 3_600_000),
      refreshToken: "shprt_refresh",
      refreshTokenExpires: new Date(Date.now() + 90 * 86_400_000),
    });
    expect(await storage.storeSession(session)).toBe(true);

    const loaded = await storage.loadSession(session.id);
    expect(loaded?.toObject()).toEqual(session.toObject());
    expect(loaded?.refreshToken).toBe("shprt_refresh");
    expect((await storage.findSessionsByShop(shop)).map((found) => found.id)).toEqual([session.id]);
  });

  it("updates a stored session in place and deletes it", async () => {
    const shop = uniqueShop();
    const session = new Session({ id: `offline_${shop}`, shop, state: "s", isOnline: false, accessToken: "old" });
    await storage.storeSession(session);
    session.accessToken = "new";
    await storage.storeSession(session);
    expect((await storage.loadSession(session.id))?.accessToken).toBe("new");
    expect(await storage.deleteSession(session.id)).toBe(true);
    expect(await storage.loadSession(session.id)).toBeUndefined();
  });

  it("deletes one shop's sessions without touching another's", async () => {
    const [shop, other] = [uniqueShop(), uniqueShop()];
    for (const domain of [shop, other]) {
      await storage.storeSession(
        new Session({ id: `offline_${domain}`, shop: domain, state: "s", isOnline: false, accessToken: "t" }),
      );
    }
    expect(await deleteShopSessions(prisma, shop)).toBe(1);
    expect(await countShopSessions(prisma, shop)).toBe(0);
    expect(await countShopSessions(prisma, other)).toBe(1);
  });
});
