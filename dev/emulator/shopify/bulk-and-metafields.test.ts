import { describe, expect, it } from "vitest";
import { ADDRESS, SHOP, STORE_A, gidOf, harness, type TestHarness } from "./test-support";

interface PolledOperation {
  status: string;
  objectCount: string;
  rootObjectCount: string;
  url: string | null;
  errorCode: string | null;
}

/** Polls the operation's status the way the app does until it leaves CREATED and RUNNING. */
async function pollUntilDone(h: TestHarness, id: string): Promise<PolledOperation> {
  for (;;) {
    const poll = await h.graphql(`query ($id: ID!) { node(id: $id) { ... on BulkOperation { status objectCount rootObjectCount url errorCode } } }`, { id });
    const node = (poll.json.data as { node: PolledOperation }).node;
    if (node.status !== "CREATED" && node.status !== "RUNNING") return node;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("bulk operations", () => {
  it("runs a bulk query over every page and writes Shopify's JSONL with __parentId", async () => {
    const h = await harness();
    const run = await h.graphql(
      `mutation ($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id status } userErrors { field message code } } }`,
      { q: `{ locations { edges { node { id name inventoryLevels { edges { node { id item { sku } quantities(names: ["available"]) { quantity } } } } } } } }` },
    );
    expect(run.json.errors).toBeUndefined();
    const started = (run.json.data as { bulkOperationRunQuery: { bulkOperation: { id: string; status: string } } }).bulkOperationRunQuery;
    expect(started.bulkOperation.status).toBe("CREATED");
    const node = await pollUntilDone(h, started.bulkOperation.id);
    expect(node).toMatchObject({ status: "COMPLETED", objectCount: "9", rootObjectCount: "3", errorCode: null });
    const path = new URL(node.url ?? "").pathname;
    const file = await h.emulator.handle({ method: "GET", path, shop: undefined, headers: {}, body: "" });
    expect(file.status).toBe(200);
    const lines = file.body.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    // Locations come sorted by name, as Shopify's default sort key NAME has them.
    expect(lines[0]).toEqual({ id: gidOf("Location", STORE_A), name: "Store A" });
    expect(lines[1]).toEqual({
      id: `gid://shopify/InventoryLevel/${STORE_A}?inventory_item_id=111`,
      item: { sku: "TEE-M" },
      quantities: [{ quantity: 5 }],
      __parentId: gidOf("Location", STORE_A),
    });
    expect(lines.filter((l) => !("__parentId" in l))).toHaveLength(3);
    const current = await h.graphql(`{ currentBulkOperation { status } }`);
    expect(current.json.data).toEqual({ currentBulkOperation: { status: "COMPLETED" } });
  });

  it("refuses a bulk query without a connection", async () => {
    const h = await harness();
    const run = await h.graphql(`mutation { bulkOperationRunQuery(query: "{ shop { name } }") { bulkOperation { id } userErrors { field code } } }`);
    expect(run.json.data).toEqual({ bulkOperationRunQuery: { bulkOperation: null, userErrors: [{ field: ["query"], code: "INVALID" }] } });
  });
});

describe("metafieldsSet", () => {
  it("stores metafields on owners and serves them back", async () => {
    const h = await harness();
    const order = h.emulator.placeOrder(SHOP, { lines: [{ sku: "CAP", quantity: 1 }], deliveryMethod: "SHIPPING", shippingAddress: ADDRESS });
    const set = await h.graphql(
      `mutation ($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { namespace key type value } userErrors { field code elementIndex } } }`,
      {
        m: [
          { ownerId: order.id, namespace: "omniroute", key: "decision", type: "json", value: '{"location":"Store A"}' },
          { ownerId: gidOf("Location", STORE_A), namespace: "omniroute", key: "capacity", type: "number_integer", value: "40" },
        ],
      },
    );
    expect(set.json.data).toMatchObject({ metafieldsSet: { userErrors: [], metafields: [{ key: "decision" }, { key: "capacity" }] } });
    const read = await h.graphql(`query ($id: ID!) { order(id: $id) { metafield(namespace: "omniroute", key: "decision") { jsonValue } } }`, { id: order.id });
    expect(read.json.data).toEqual({ order: { metafield: { jsonValue: { location: "Store A" } } } });
  });

  it("refuses invalid values and unknown owners, saving nothing", async () => {
    const h = await harness();
    const set = await h.graphql(
      `mutation ($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { id } userErrors { field code elementIndex } } }`,
      {
        m: [
          { ownerId: gidOf("Location", STORE_A), namespace: "omniroute", key: "capacity", type: "number_integer", value: "forty" },
          { ownerId: gidOf("Location", 424242), namespace: "omniroute", key: "capacity", type: "number_integer", value: "4" },
        ],
      },
    );
    expect(set.json.data).toEqual({
      metafieldsSet: {
        metafields: null,
        userErrors: [
          { field: ["metafields", "0", "value"], code: "INVALID_VALUE", elementIndex: 0 },
          { field: ["metafields", "1", "ownerId"], code: "INVALID", elementIndex: 1 },
        ],
      },
    });
  });
});
