import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import type { RunningEmulator } from "../../../dev/emulator/server";
import { sessionTokenFor, startTestEmulator } from "../../../tests/support/emulator";
import { TEST_APP } from "../../../tests/support/shopify-app";
import type * as FullSyncModule from "./full-sync.server";
import type * as VariantItemsModule from "~/models/variant-inventory-items.server";

/**
 * The catalogue half of the full sync against the local emulator's chicago shop, through the
 * app's real Shopify client (token exchange, bulk operation, JSONL download).
 */

let emulator: RunningEmulator;
let prisma: PrismaClient;
let fullSync: typeof FullSyncModule;
let variantItems: typeof VariantItemsModule;
let stopJobQueue: () => Promise<void>;

beforeAll(async () => {
  // Webhooks are not what this file tests: each is answered 200 and dropped.
  emulator = await startTestEmulator(async () => new Response(null, { status: 200 }));
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  ({ prisma } = await import("~/db.server"));
  fullSync = await import("./full-sync.server");
  variantItems = await import("~/models/variant-inventory-items.server");
  ({ stopJobQueue } = await import("~/jobs/jobs.server"));
  const { authenticate } = await import("~/shopify.server");
  await authenticate.admin(
    new Request(`${TEST_APP.appUrl}/app`, { headers: { Authorization: `Bearer ${sessionTokenFor(emulator.shop)}` } }),
  );
});

afterAll(async () => {
  await stopJobQueue();
  await emulator.close();
});

function quickPolls(): FullSyncModule.FullSyncDependencies {
  return { ...fullSync.defaultFullSyncDependencies(emulator.shop), pollIntervalMs: 10 };
}

const scenarioVariants = () =>
  emulator.scenario.products.flatMap((product) => product.variants.map((variant) => ({ product, variant })));

/** Changes the emulator's shop as Shopify would hold it, through a snapshot (it has no API for this). */
function editEmulatorShop(edit: (data: ReturnType<RunningEmulator["shopify"]["snapshot"]>["shops"][number]) => void) {
  const snapshot = emulator.shopify.snapshot();
  const shop = snapshot.shops.find((data) => data.domain === emulator.shop);
  if (!shop) throw new Error("the emulator has no chicago shop");
  edit(shop);
  emulator.shopify.restore(snapshot);
}

describe("the full sync's variant mapping", () => {
  it("maps every variant of the shop to its inventory item, SKU, titles and barcode", async () => {
    const result = await fullSync.runInventoryFullSync(emulator.shop, quickPolls());

    const expected = scenarioVariants();
    expect(result.variantsRead).toBe(expected.length);
    const mirrored = await prisma.variantInventoryItem.findMany({ where: { shop: emulator.shop } });
    const actual = mirrored.map(({ variantId, inventoryItemId, sku, productTitle, variantTitle, barcode }) => ({
      variantId,
      inventoryItemId,
      sku,
      productTitle,
      variantTitle,
      barcode,
    }));
    const wanted = expected.map(({ product, variant }) => ({
      variantId: String(variant.id),
      inventoryItemId: String(variant.inventoryItemId),
      sku: variant.sku,
      productTitle: product.title,
      variantTitle: variant.title,
      barcode: variant.barcode,
    }));
    const byVariant = (a: { variantId: string }, b: { variantId: string }) => a.variantId.localeCompare(b.variantId);
    expect(actual.sort(byVariant)).toEqual(wanted.sort(byVariant));
  });

  it("answers a cart's variants with their inventory items, and leaves out ones it does not know", async () => {
    await fullSync.runInventoryFullSync(emulator.shop, quickPolls());
    const [first, second] = scenarioVariants();

    const items = await variantItems.inventoryItemsOfVariants(prisma, emulator.shop, [
      String(first!.variant.id),
      String(second!.variant.id),
      "999999999",
    ]);

    expect(items).toEqual(
      new Map([
        [
          String(first!.variant.id),
          {
            inventoryItemId: String(first!.variant.inventoryItemId),
            sku: first!.variant.sku,
            title: `${first!.product.title} - ${first!.variant.title}`,
          },
        ],
        [
          String(second!.variant.id),
          {
            inventoryItemId: String(second!.variant.inventoryItemId),
            sku: second!.variant.sku,
            title: `${second!.product.title} - ${second!.variant.title}`,
          },
        ],
      ]),
    );
  });

  it("follows a variant to its new inventory item, and drops variants Shopify no longer has", async () => {
    await fullSync.runInventoryFullSync(emulator.shop, quickPolls());
    const [moved, deleted] = scenarioVariants();
    const newItemId = 88_000_000_001;
    editEmulatorShop((data) => {
      const variant = data.variants.find((candidate) => candidate.id === moved!.variant.id)!;
      for (const level of data.inventoryLevels) {
        if (level.inventoryItemId === variant.inventoryItemId) level.inventoryItemId = newItemId;
      }
      variant.inventoryItemId = newItemId;
      // Deleting a variant deletes its inventory item and that item's stock.
      data.variants = data.variants.filter((candidate) => candidate.id !== deleted!.variant.id);
      data.inventoryLevels = data.inventoryLevels.filter(
        (level) => level.inventoryItemId !== deleted!.variant.inventoryItemId,
      );
      for (const product of data.products) {
        product.variantIds = product.variantIds.filter((id) => id !== deleted!.variant.id);
      }
    });

    const result = await fullSync.runInventoryFullSync(emulator.shop, quickPolls());

    expect(result.variantsRemoved).toBe(1);
    const items = await variantItems.inventoryItemsOfVariants(prisma, emulator.shop, [
      String(moved!.variant.id),
      String(deleted!.variant.id),
    ]);
    expect([...items.keys()]).toEqual([String(moved!.variant.id)]);
    expect(items.get(String(moved!.variant.id))?.inventoryItemId).toBe(String(newItemId));
  });
});
