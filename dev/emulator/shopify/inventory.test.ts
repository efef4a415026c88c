import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MISSING_DIRECTIVE_MESSAGE } from "./mutations/idempotency";
import { shopDataFromScenario } from "./state";
import { SHOP, STORE_A, STORE_B, WAREHOUSE, gidOf, harness, tinyScenario } from "./test-support";

const SET = `mutation Set($input: InventorySetQuantitiesInput!, $key: String!) {
  inventorySetQuantities(input: $input) @idempotent(key: $key) {
    inventoryAdjustmentGroup { reason changes { name delta quantityAfterChange location { id } } }
    userErrors { field message code }
  }
}`;

const ADJUST = `mutation Adjust($input: InventoryAdjustQuantitiesInput!, $key: String!) {
  inventoryAdjustQuantities(input: $input) @idempotent(key: $key) {
    inventoryAdjustmentGroup { changes(quantityNames: ["damaged", "on_hand"]) { name delta quantityAfterChange } }
    userErrors { field message code }
  }
}`;

const tee = gidOf("InventoryItem", 111);

describe("inventory mutations", () => {
  it("sets available when changeFromQuantity matches, and raises inventory_levels/update", async () => {
    const { graphql, emulator, events } = await harness();
    const { json } = await graphql(SET, {
      key: randomUUID(),
      input: { name: "available", reason: "correction", quantities: [{ inventoryItemId: tee, locationId: gidOf("Location", STORE_A), quantity: 7, changeFromQuantity: 5 }] },
    });
    expect(json.data).toEqual({
      inventorySetQuantities: {
        inventoryAdjustmentGroup: {
          reason: "correction",
          changes: [
            { name: "available", delta: 2, quantityAfterChange: 7, location: { id: gidOf("Location", STORE_A) } },
            { name: "on_hand", delta: 2, quantityAfterChange: 7, location: { id: gidOf("Location", STORE_A) } },
          ],
        },
        userErrors: [],
      },
    });
    expect(emulator.inventoryOf(SHOP, STORE_A, "TEE-M")).toMatchObject({ available: 7, on_hand: 7 });
    expect(events.map((e) => [e.topic, e.payload])).toEqual([
      ["inventory_levels/update", expect.objectContaining({ inventory_item_id: 111, location_id: STORE_A, available: 7 })],
    ]);
  });

  it("refuses a stale changeFromQuantity with CHANGE_FROM_QUANTITY_STALE and changes nothing", async () => {
    const { graphql, emulator, events } = await harness();
    const { json } = await graphql(SET, {
      key: randomUUID(),
      input: { name: "available", reason: "correction", quantities: [{ inventoryItemId: tee, locationId: gidOf("Location", STORE_A), quantity: 7, changeFromQuantity: 4 }] },
    });
    expect(json.data).toEqual({
      inventorySetQuantities: {
        inventoryAdjustmentGroup: null,
        userErrors: [
          {
            field: ["input", "quantities", "0", "changeFromQuantity"],
            message: "The changeFromQuantity (4) no longer matches the persisted quantity (5).",
            code: "CHANGE_FROM_QUANTITY_STALE",
          },
        ],
      },
    });
    expect(emulator.inventoryOf(SHOP, STORE_A, "TEE-M")).toMatchObject({ available: 5 });
    expect(events).toEqual([]);
  });

  it("requires changeFromQuantity to be passed, null opting out of the check", async () => {
    const { graphql } = await harness();
    const missing = await graphql(SET, {
      key: randomUUID(),
      input: { name: "available", reason: "correction", quantities: [{ inventoryItemId: tee, locationId: gidOf("Location", STORE_A), quantity: 1 }] },
    });
    expect(missing.json.data).toMatchObject({ inventorySetQuantities: { userErrors: [{ code: "COMPARE_QUANTITY_REQUIRED" }] } });
    const optedOut = await graphql(SET, {
      key: randomUUID(),
      input: { name: "available", reason: "correction", quantities: [{ inventoryItemId: tee, locationId: gidOf("Location", STORE_A), quantity: 1, changeFromQuantity: null }] },
    });
    expect(optedOut.json.data).toMatchObject({ inventorySetQuantities: { userErrors: [] } });
  });

  it("refuses an item the location does not stock, a bad reason and a bad name", async () => {
    const { graphql } = await harness();
    const quantity = { inventoryItemId: tee, locationId: gidOf("Location", STORE_B), quantity: 1, changeFromQuantity: null };
    const codes = async (input: Record<string, unknown>) => {
      const { json } = await graphql(SET, { key: randomUUID(), input: { name: "available", reason: "correction", quantities: [quantity], ...input } });
      return (json.data as { inventorySetQuantities: { userErrors: { code: string }[] } }).inventorySetQuantities.userErrors.map((e) => e.code);
    };
    expect(await codes({})).toEqual(["ITEM_NOT_STOCKED_AT_LOCATION"]);
    expect(await codes({ reason: "because" })).toEqual(["INVALID_REASON"]);
    expect(await codes({ name: "committed" })).toEqual(["INVALID_NAME"]);
  });

  it("adjusts damaged stock: on hand rises with it, available untouched", async () => {
    const { graphql, emulator } = await harness();
    const { json } = await graphql(ADJUST, {
      key: randomUUID(),
      input: {
        name: "damaged",
        reason: "damaged",
        changes: [{ inventoryItemId: tee, locationId: gidOf("Location", WAREHOUSE), delta: 2, changeFromQuantity: 0, ledgerDocumentUri: "gid://omniroute/DamageReport/1" }],
      },
    });
    expect(json.data).toEqual({
      inventoryAdjustQuantities: {
        inventoryAdjustmentGroup: {
          changes: [
            { name: "damaged", delta: 2, quantityAfterChange: 2 },
            { name: "on_hand", delta: 2, quantityAfterChange: 12 },
          ],
        },
        userErrors: [],
      },
    });
    expect(emulator.inventoryOf(SHOP, WAREHOUSE, "TEE-M")).toMatchObject({ available: 10, damaged: 2, unavailable: 2, on_hand: 12 });
  });

  it("raises inventory_levels/update for a merchant's in-store stock change", async () => {
    const { emulator, events } = await harness();
    emulator.setAvailable(SHOP, { locationId: STORE_B, sku: "TEE-M", available: 4 });
    expect(emulator.inventoryOf(SHOP, STORE_B, "TEE-M")).toMatchObject({ available: 4 });
    expect(events[0]).toMatchObject({ topic: "inventory_levels/update", payload: { location_id: STORE_B, inventory_item_id: 111, available: 4 } });
  });

  it("serves a location's inventory levels and a single level by item", async () => {
    const { graphql } = await harness();
    const { json } = await graphql(
      `query ($loc: ID!, $item: ID!) { location(id: $loc) { name isActive fulfillsOnlineOrders localPickupSettingsV2 { pickupTime }
         address { city provinceCode latitude longitude }
         inventoryLevel(inventoryItemId: $item) { quantities(names: ["available", "committed", "on_hand", "reserved", "safety_stock", "incoming", "damaged"]) { name quantity } }
         inventoryLevels(first: 2) { pageInfo { hasNextPage } nodes { item { sku } } } } }`,
      { loc: gidOf("Location", STORE_A), item: tee },
    );
    expect(json.errors).toBeUndefined();
    expect(json.data).toEqual({
      location: {
        name: "Store A",
        isActive: true,
        fulfillsOnlineOrders: true,
        localPickupSettingsV2: { pickupTime: "ONE_HOUR" },
        address: { city: "Chicago", provinceCode: "IL", latitude: 41.9, longitude: -87.68 },
        inventoryLevel: {
          quantities: [
            { name: "available", quantity: 5 },
            { name: "committed", quantity: 0 },
            { name: "on_hand", quantity: 5 },
            { name: "reserved", quantity: 0 },
            { name: "safety_stock", quantity: 0 },
            { name: "incoming", quantity: 0 },
            { name: "damaged", quantity: 0 },
          ],
        },
        inventoryLevels: { pageInfo: { hasNextPage: true }, nodes: [{ item: { sku: "TEE-M" } }, { item: { sku: "HOODIE-L" } }] },
      },
    });
  });
});

describe("merchant helpers", () => {
  it("accept a location as a number, a numeric string or a gid", async () => {
    const { emulator } = await harness();
    for (const id of [STORE_A, String(STORE_A), gidOf("Location", STORE_A)]) {
      expect(emulator.inventoryOf(SHOP, id, "TEE-M")?.available).toBe(5);
    }
  });

  it("set one location's local pickup time; the others keep Shopify's one hour", async () => {
    const { emulator, graphql } = await harness();
    emulator.setLocationPickupTime(SHOP, gidOf("Location", STORE_B), "FOUR_HOURS");
    const { json } = await graphql(`{ locations(first: 5) { nodes { name localPickupSettingsV2 { pickupTime } } } }`);
    expect(json.data).toEqual({
      locations: {
        nodes: [
          { name: "Store A", localPickupSettingsV2: { pickupTime: "ONE_HOUR" } },
          { name: "Store B", localPickupSettingsV2: { pickupTime: "FOUR_HOURS" } },
          { name: "Warehouse", localPickupSettingsV2: null },
        ],
      },
    });
    expect(() => emulator.setLocationPickupTime(SHOP, 999, "TWO_HOURS")).toThrow("unknown location 999");
  });

  it("take a location's pickup time from its scenario definition", () => {
    const scenario = tinyScenario();
    scenario.locations = scenario.locations.map((location) =>
      location.id === STORE_A ? { ...location, pickupTime: "TWENTY_FOUR_HOURS" } : location,
    );
    const data = shopDataFromScenario(scenario, "2026-11-30T12:00:00Z");
    expect(data.locations.map((location) => location.pickupTime)).toEqual([undefined, "TWENTY_FOUR_HOURS", undefined]);
  });
});

/**
 * Gap 3: the `@idempotent(key:)` directive, mandatory for both mutations as of 2026-04 (changelog
 * "Making idempotency mandatory for inventory adjustments and refund mutations"; the directive's
 * syntax and a retried key's answer: https://shopify.dev/docs/api/usage/idempotent-requests;
 * IDEMPOTENCY_KEY_PARAMETER_MISMATCH: InventorySetQuantitiesUserErrorCode, admin-graphql 2026-04).
 */
describe("idempotency keys on inventory mutations (gap 3)", () => {
  const atStoreA = (quantity: number, changeFromQuantity: number | null) => ({
    name: "available",
    reason: "correction",
    referenceDocumentUri: "gid://omniroute/StoreTask/1",
    quantities: [{ inventoryItemId: tee, locationId: gidOf("Location", STORE_A), quantity, changeFromQuantity }],
  });
  const codesOf = (json: { data?: Record<string, unknown> | null }, field: string) =>
    (json.data?.[field] as { userErrors: { code: string }[] }).userErrors.map((e) => e.code);

  it("refuses a mutation sent without the directive at run time, changing nothing", async () => {
    const { graphql, emulator, events } = await harness();
    const withoutKey = `mutation ($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) { userErrors { code } } }`;
    const { json } = await graphql(withoutKey, { input: atStoreA(0, 5) });
    expect(json.errors).toEqual([
      expect.objectContaining({ message: MISSING_DIRECTIVE_MESSAGE, extensions: { code: "BAD_REQUEST" }, path: ["inventorySetQuantities"] }),
    ]);
    expect(json.data).toEqual({ inventorySetQuantities: null });
    expect(emulator.inventoryOf(SHOP, STORE_A, "TEE-M")).toMatchObject({ available: 5 });
    expect(events).toEqual([]);
  });

  it("replays the first answer to a request repeated with its key: one change, one webhook", async () => {
    const { graphql, emulator, events } = await harness();
    const key = randomUUID();
    const first = await graphql(SET, { key, input: atStoreA(0, 5) });
    const again = await graphql(SET, { key, input: atStoreA(0, 5) });
    expect(first.json.data).toMatchObject({ inventorySetQuantities: { userErrors: [], inventoryAdjustmentGroup: { changes: [{ name: "available", delta: -5, quantityAfterChange: 0 }, expect.anything()] } } });
    // Sent again without the key's memory it would be stale (5 is no longer there): it is not.
    expect(again.json.data).toEqual(first.json.data);
    expect(emulator.inventoryOf(SHOP, STORE_A, "TEE-M")).toMatchObject({ available: 0 });
    expect(events.filter((e) => e.topic === "inventory_levels/update")).toHaveLength(1);
  });

  it("applies an adjustment repeated with its key once", async () => {
    const { graphql, emulator } = await harness();
    const key = randomUUID();
    const input = { name: "available", reason: "received", changes: [{ inventoryItemId: tee, locationId: gidOf("Location", STORE_A), delta: 2, changeFromQuantity: null }] };
    await graphql(ADJUST, { key, input });
    await graphql(ADJUST, { key, input });
    expect(emulator.inventoryOf(SHOP, STORE_A, "TEE-M")).toMatchObject({ available: 7 });
  });

  it("refuses a key used again with other arguments with IDEMPOTENCY_KEY_PARAMETER_MISMATCH", async () => {
    const { graphql, emulator } = await harness();
    const key = randomUUID();
    await graphql(SET, { key, input: atStoreA(3, 5) });
    const reused = await graphql(SET, { key, input: atStoreA(0, 3) });
    expect(reused.json.data).toEqual({
      inventorySetQuantities: {
        inventoryAdjustmentGroup: null,
        userErrors: [{ field: null, message: "The same idempotency key cannot be used with different operation parameters.", code: "IDEMPOTENCY_KEY_PARAMETER_MISMATCH" }],
      },
    });
    expect(emulator.inventoryOf(SHOP, STORE_A, "TEE-M")).toMatchObject({ available: 3 });
  });

  it("does not keep a refusal: the same request runs once its cause is gone, and the choice is logged", async () => {
    const { graphql, emulator } = await harness();
    const key = randomUUID();
    const stale = await graphql(SET, { key, input: atStoreA(0, 4) });
    expect(codesOf(stale.json, "inventorySetQuantities")).toEqual(["CHANGE_FROM_QUANTITY_STALE"]);
    emulator.setAvailable(SHOP, { locationId: STORE_A, sku: "TEE-M", available: 4 });
    const retried = await graphql(SET, { key, input: atStoreA(0, 4) });
    expect(codesOf(retried.json, "inventorySetQuantities")).toEqual([]);
    expect(emulator.inventoryOf(SHOP, STORE_A, "TEE-M")).toMatchObject({ available: 0 });
    expect(emulator.warnings().map((w) => w.message)).toContainEqual(expect.stringMatching(/refusal is not kept/));
  });

  it("asks a ledger document of any adjusted state but available with INVALID_QUANTITY_DOCUMENT, and allows ±2,000,000,000", async () => {
    const { graphql } = await harness();
    const damaged = (delta: number, ledgerDocumentUri?: string) => ({
      name: "damaged",
      reason: "damaged",
      changes: [{ inventoryItemId: tee, locationId: gidOf("Location", WAREHOUSE), delta, changeFromQuantity: null, ...(ledgerDocumentUri ? { ledgerDocumentUri } : {}) }],
    });
    const noLedger = await graphql(ADJUST, { key: randomUUID(), input: damaged(1) });
    expect(codesOf(noLedger.json, "inventoryAdjustQuantities")).toEqual(["INVALID_QUANTITY_DOCUMENT"]);
    const large = await graphql(ADJUST, { key: randomUUID(), input: damaged(1_500_000_000, "gid://omniroute/DamageReport/2") });
    expect(codesOf(large.json, "inventoryAdjustQuantities")).toEqual([]);
    const beyond = await graphql(ADJUST, { key: randomUUID(), input: damaged(600_000_000, "gid://omniroute/DamageReport/3") });
    expect(codesOf(beyond.json, "inventoryAdjustQuantities")).toEqual(["INVALID_QUANTITY_TOO_HIGH"]);
  });
});
