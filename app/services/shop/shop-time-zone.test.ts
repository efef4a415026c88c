import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { recordInstallation } from "~/models/shop-installations.server";
import { uniqueShop } from "../../../tests/support/shops";
import { recordShopTimeZone, shopTimeZone } from "./shop-time-zone.server";

describe("the shop's time zone", () => {
  it("is UTC until the shop's own is recorded, then the shop's", async () => {
    const shop = uniqueShop();
    await recordInstallation(prisma, shop, null, new Date());
    expect(await shopTimeZone(shop)).toBe("UTC");

    expect(await recordShopTimeZone(shop, "America/Chicago")).toBe(true);

    expect(await shopTimeZone(shop)).toBe("America/Chicago");
  });

  it("is UTC for a shop the app does not know, which has nowhere to record one", async () => {
    const shop = uniqueShop();
    expect(await recordShopTimeZone(shop, "America/Chicago")).toBe(false);
    expect(await shopTimeZone(shop)).toBe("UTC");
  });

  it("keeps the zone held when Shopify names one this runtime does not know", async () => {
    const shop = uniqueShop();
    await recordInstallation(prisma, shop, null, new Date());
    await recordShopTimeZone(shop, "Europe/Paris");

    expect(await recordShopTimeZone(shop, "Mars/Olympus_Mons")).toBe(false);

    expect(await shopTimeZone(shop)).toBe("Europe/Paris");
  });
});
