import { describe, expect, it } from "vitest";
import type { Scenario } from "../../scenarios/types";
import { APP, SHOP, TestClock, exchangeToken, tinyScenario, type GraphqlBody } from "./test-support";
import { ShopifyEmulator, type EmulatorEvent } from "./index";

// Shopify runs bulk queries in the background: "After they are created, clients should poll the
// status field for updates. When COMPLETED, the url field contains a link to the data in JSONL
// format" (https://shopify.dev/docs/api/admin-graphql/latest/objects/BulkOperation), and "You can
// run only one bulk operation of each type ... at a time per shop"
// (https://shopify.dev/docs/api/usage/bulk-operations/queries), refused with the
// BulkOperationUserErrorCode OPERATION_IN_PROGRESS ("Apps can run one bulk query and one bulk
// mutation operation at a time per shop", https://shopify.dev/docs/api/admin-graphql/2026-07/queries/currentBulkOperation);
// and "the bulk_operations/finish webhook topic ... sends notifications when a Bulk Operation has
// completed, failed, or been cancelled" (shopify.dev changelog, "New webhook topic notifies when a
// Bulk Operation has finished").

const LEVELS_QUERY = `{ locations { edges { node { id inventoryLevels { edges { node { id item { sku } quantities(names: ["available"]) { quantity } } } } } } } }`;
const RUN = `mutation ($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id status } userErrors { field message code } } }`;
const STATUS = `query ($id: ID!) { node(id: $id) { ... on BulkOperation { status objectCount rootObjectCount url } } }`;

/** The tiny shop's catalogue stocked at `locations` stores, every SKU at each: locations × 3 stock lines. */
function wideScenario(locations: number): Scenario {
  const tiny = tinyScenario();
  const template = tiny.locations[1]!;
  const stores = Array.from({ length: locations }, (_, i) => ({ ...template, id: 5000 + i, name: `Store ${String(i).padStart(4, "0")}`, rank: i + 1 }));
  const skus = tiny.products.flatMap((p) => p.variants.map((v) => v.sku));
  return { ...tiny, locations: stores, inventory: stores.flatMap((s) => skus.map((sku) => ({ locationId: s.id, sku, available: 4 }))) };
}

async function shopOf(scenario: Scenario) {
  const clock = new TestClock();
  const emulator = new ShopifyEmulator({ ...APP, now: clock.now, seed: 7, publicUrl: "http://emulator.test" });
  emulator.loadScenario(SHOP, scenario);
  const events: EmulatorEvent[] = [];
  emulator.onEvent((e) => events.push(e));
  const token = String((await exchangeToken(emulator, SHOP, clock.now())).body.access_token);
  const graphql = async (query: string, variables?: Record<string, unknown>) => {
    const response = await emulator.handle({
      method: "POST",
      path: "/admin/api/2026-04/graphql.json",
      shop: SHOP,
      headers: { "X-Shopify-Access-Token": token, "Content-Type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
    return JSON.parse(response.body) as GraphqlBody;
  };
  return { emulator, events, graphql };
}

type Payload = { bulkOperationRunQuery: { bulkOperation: { id: string; status: string } | null; userErrors: { field: string[] | null; message: string; code: string }[] } };
type Status = { status: string; objectCount: string; rootObjectCount: string; url: string | null };

describe("bulk queries run in the background", () => {
  it("answers the mutation with the operation CREATED, runs it, and completes it with the whole file and the finish webhook", async () => {
    const { emulator, events, graphql } = await shopOf(wideScenario(120));
    const run = (await graphql(RUN, { q: LEVELS_QUERY })).data as Payload;
    const operation = run.bulkOperationRunQuery.bulkOperation!;
    expect(operation.status).toBe("CREATED");
    const early = ((await graphql(STATUS, { id: operation.id })).data as { node: Status }).node;
    expect(["CREATED", "RUNNING"]).toContain(early.status);
    expect(early.url).toBeNull();
    expect(events.filter((e) => e.topic === "bulk_operations/finish")).toHaveLength(0);

    await emulator.bulkOperationsSettled();
    const done = ((await graphql(STATUS, { id: operation.id })).data as { node: Status }).node;
    expect(done).toMatchObject({ status: "COMPLETED", objectCount: String(120 + 360), rootObjectCount: "120" });
    const file = await emulator.handle({ method: "GET", path: new URL(done.url!).pathname, shop: undefined, headers: {}, body: "" });
    const lines = file.body.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(480);
    // Each location's line, then its three stock lines pointing back at it, as Shopify writes nested connections.
    expect(lines[0]).toEqual({ id: "gid://shopify/Location/5000" });
    expect(lines.slice(1, 4).map((l) => l.__parentId)).toEqual(Array(3).fill("gid://shopify/Location/5000"));
    expect(lines[4]).toEqual({ id: "gid://shopify/Location/5001" });
    expect(lines.at(-1)).toMatchObject({ __parentId: "gid://shopify/Location/5119", quantities: [{ quantity: 4 }] });
    const finished = events.filter((e) => e.topic === "bulk_operations/finish");
    expect(finished.map((e) => e.payload)).toEqual([expect.objectContaining({ admin_graphql_api_id: operation.id, status: "completed" })]);
  });

  it("refuses a second bulk query while one runs, with OPERATION_IN_PROGRESS, and accepts one once it has finished", async () => {
    const { emulator, graphql } = await shopOf(wideScenario(50));
    const first = ((await graphql(RUN, { q: LEVELS_QUERY })).data as Payload).bulkOperationRunQuery.bulkOperation!;
    const second = ((await graphql(RUN, { q: LEVELS_QUERY })).data as Payload).bulkOperationRunQuery;
    expect(second.bulkOperation).toBeNull();
    expect(second.userErrors).toEqual([{ field: null, code: "OPERATION_IN_PROGRESS", message: expect.stringContaining(first.id) as string }]);

    await emulator.bulkOperationsSettled();
    const third = ((await graphql(RUN, { q: LEVELS_QUERY })).data as Payload).bulkOperationRunQuery;
    expect(third.userErrors).toEqual([]);
    expect(third.bulkOperation?.status).toBe("CREATED");
    await emulator.bulkOperationsSettled();
  });

  it("answers other requests while a large run goes on, before it has finished", async () => {
    // 1,500 locations × 3 stock lines: long enough that a blocking run would answer nothing meanwhile.
    const { emulator, graphql } = await shopOf(wideScenario(1500));
    const operation = ((await graphql(RUN, { q: LEVELS_QUERY })).data as Payload).bulkOperationRunQuery.bulkOperation!;
    let settled = false;
    const run = emulator.bulkOperationsSettled().then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 20));

    const shop = await graphql(`{ shop { name } }`);
    const during = ((await graphql(STATUS, { id: operation.id })).data as { node: Status }).node;
    expect(shop.data).toEqual({ shop: { name: "Tiny" } });
    expect(settled).toBe(false);
    expect(during.status).toBe("RUNNING");
    // Its running counts move while it runs, as Shopify's objectCount does.
    expect(Number(during.objectCount)).toBeLessThan(6000);

    await run;
    const done = ((await graphql(STATUS, { id: operation.id })).data as { node: Status }).node;
    expect(done).toMatchObject({ status: "COMPLETED", objectCount: "6000", rootObjectCount: "1500" });
  });
});
