import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { DEFAULT_ROUTING_SETTINGS } from "~/domain/routing-settings/settings";
import { uniqueShop } from "../../tests/support/shops";
import {
  appendRoutingSettingsVersion,
  latestRoutingSettings,
  listRoutingSettingsVersions,
  parseStoredRoutingSettings,
  UnreadableRoutingSettingsError,
} from "./routing-settings.server";

const ROW = { shop: "loop-goods.myshopify.com", version: 3, id: "7c1f0c9e-0000-4000-8000-000000000003" };

describe("stored routing settings", () => {
  it("read back exactly what was saved", () => {
    const saved = { ...DEFAULT_ROUTING_SETTINGS, storeMinUnits: 5, radiusMiles: 15, allowSplit: false };
    expect(parseStoredRoutingSettings(JSON.parse(JSON.stringify(saved)), ROW)).toEqual(saved);
  });

  it("fill a field the stored version lacks with its default", () => {
    expect(parseStoredRoutingSettings({ radiusMiles: 12 }, ROW)).toEqual({
      ...DEFAULT_ROUTING_SETTINGS,
      radiusMiles: 12,
    });
    expect(parseStoredRoutingSettings({}, ROW)).toEqual(DEFAULT_ROUTING_SETTINGS);
  });

  it("refuse a version with a field that does not read, naming the version, its row and the field", () => {
    const read = (stored: Parameters<typeof parseStoredRoutingSettings>[0]) => () =>
      parseStoredRoutingSettings(stored, ROW);
    expect(read({ storeMinUnits: "five", radiusMiles: 12 })).toThrow(UnreadableRoutingSettingsError);
    expect(read({ storeMinUnits: "five" })).toThrow(
      /^Routing settings version 3 of loop-goods\.myshopify\.com \(row 7c1f0c9e-0000-4000-8000-000000000003\) cannot be read: storeMinUnits: /,
    );
    expect(read({ shippingMethodRules: [{ contains: "express", serviceLevel: "TOMORROW" }] })).toThrow(
      /shippingMethodRules/,
    );
    expect(read({ radiusMiles: -1 })).toThrow(/radiusMiles/);
    expect(read(null)).toThrow(UnreadableRoutingSettingsError);
    expect(read([])).toThrow(UnreadableRoutingSettingsError);
  });
});

describe("routing settings versions in the database", () => {
  it("are numbered from 1 and read back newest first as saved", async () => {
    const shop = uniqueShop();
    expect(await latestRoutingSettings(prisma, shop)).toBeNull();
    const stricter = { ...DEFAULT_ROUTING_SETTINGS, storeMinUnits: 6 };
    expect(await appendRoutingSettingsVersion(prisma, shop, DEFAULT_ROUTING_SETTINGS, null)).toBe(1);
    expect(await appendRoutingSettingsVersion(prisma, shop, stricter, "Staff member 1")).toBe(2);

    expect(await latestRoutingSettings(prisma, shop)).toMatchObject({
      version: 2,
      settings: stricter,
      changedBy: "Staff member 1",
    });
    expect(
      (await listRoutingSettingsVersions(prisma, shop)).map(({ version, settings }) => [version, settings]),
    ).toEqual([
      [2, stricter],
      [1, DEFAULT_ROUTING_SETTINGS],
    ]);
  });

  it("stop on a stored version that does not read, naming it, for the version in force and the history", async () => {
    const shop = uniqueShop();
    await appendRoutingSettingsVersion(prisma, shop, DEFAULT_ROUTING_SETTINGS, null);
    const garbled = await prisma.routingSettingsVersion.create({
      data: { shop, version: 2, settings: { storeMinUnits: 3, allowSplit: "yes" } },
    });
    const named = `Routing settings version 2 of ${shop} (row ${garbled.id}) cannot be read`;
    await expect(latestRoutingSettings(prisma, shop)).rejects.toThrow(named);
    await expect(listRoutingSettingsVersions(prisma, shop)).rejects.toThrow(named);
  });
});
