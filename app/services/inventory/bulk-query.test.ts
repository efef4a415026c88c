import { describe, expect, it } from "vitest";
import { createAdminClient, type AdminClient } from "~/shopify/admin-client.server";
import { BulkQueryError, runBulkQuery, type BulkQueryOptions } from "./bulk-query.server";

const QUERY = "query InventoryLevelsForMirror { locations { edges { node { id } } } }";
const OPERATION = "gid://shopify/BulkOperation/1";

interface FakeShopify {
  current: { id: string; status: string; query: string } | null;
  /** How many times `current` is reported before it reads as finished (null); unset: always. */
  currentFor?: number;
  userErrors: { field: string[]; message: string; code: string }[];
  /** Statuses the operation reports, one per poll; the last repeats. */
  statuses: string[];
}

/**
 * An Admin client whose transport answers the three bulk operations documents the way the
 * Admin API does; records what was asked.
 */
function fakeAdmin(shopify: FakeShopify) {
  const asked: string[] = [];
  let polls = 0;
  let currentAsked = 0;
  const dataFor = (query: string) => {
    if (query.includes("currentBulkOperation")) {
      asked.push("current");
      currentAsked += 1;
      const finished = shopify.currentFor !== undefined && currentAsked > shopify.currentFor;
      return { currentBulkOperation: finished ? null : shopify.current };
    }
    if (query.includes("bulkOperationRunQuery")) {
      asked.push("run");
      const started = shopify.userErrors.length ? null : { id: OPERATION, status: "CREATED" };
      return { bulkOperationRunQuery: { bulkOperation: started, userErrors: shopify.userErrors } };
    }
    asked.push("poll");
    const status = shopify.statuses[Math.min(polls++, shopify.statuses.length - 1)]!;
    return {
      bulkOperation: {
        id: OPERATION,
        status,
        errorCode: status === "FAILED" ? "INTERNAL_SERVER_ERROR" : null,
        createdAt: "2026-11-27T05:00:00Z",
        objectCount: status === "COMPLETED" ? "12" : "0",
        url: status === "COMPLETED" ? "https://storage.example/result.jsonl" : null,
      },
    };
  };
  const admin = createAdminClient({
    shop: "bulk-test.myshopify.com",
    send: async ({ query }) => ({ status: 200, body: { data: dataFor(query) } }),
  });
  return { admin, asked };
}

function options(admin: AdminClient, maxWaitMs = 60_000): BulkQueryOptions & { waits: number[] } {
  let clock = 0;
  const waits: number[] = [];
  return {
    admin,
    waits,
    now: () => new Date(clock),
    sleep: async (ms) => {
      waits.push(ms);
      clock += ms;
    },
    pollIntervalMs: 1_000,
    maxPollIntervalMs: 4_000,
    maxWaitMs,
  };
}

describe("running a bulk query", () => {
  it("starts it, polls with growing waits until it completes, and returns its result file", async () => {
    const admin = fakeAdmin({
      current: null,
      userErrors: [],
      statuses: ["CREATED", "RUNNING", "RUNNING", "RUNNING", "COMPLETED"],
    });
    const run = options(admin.admin);

    const completed = await runBulkQuery(QUERY, run);

    expect(completed).toEqual({
      operationId: OPERATION,
      url: "https://storage.example/result.jsonl",
      createdAt: new Date("2026-11-27T05:00:00Z"),
      objectCount: 12,
    });
    expect(admin.asked).toEqual(["current", "run", "poll", "poll", "poll", "poll", "poll"]);
    expect(run.waits).toEqual([1_000, 2_000, 4_000, 4_000]);
  });

  it("resumes the same query already running (a retried job) instead of starting another", async () => {
    const admin = fakeAdmin({
      current: { id: OPERATION, status: "RUNNING", query: QUERY },
      userErrors: [],
      statuses: ["COMPLETED"],
    });
    await runBulkQuery(QUERY, options(admin.admin));
    expect(admin.asked).toEqual(["current", "poll"]);
  });

  it("waits for another bulk query of the app to finish, then starts its own", async () => {
    const admin = fakeAdmin({
      current: {
        id: "gid://shopify/BulkOperation/9",
        status: "RUNNING",
        query: "{ orders { edges { node { id } } } }",
      },
      currentFor: 2,
      userErrors: [],
      statuses: ["COMPLETED"],
    });
    const run = options(admin.admin);
    await expect(runBulkQuery(QUERY, run)).resolves.toMatchObject({ operationId: OPERATION });
    expect(admin.asked).toEqual(["current", "current", "current", "run", "poll"]);
    expect(run.waits).toEqual([1_000, 2_000]);
  });

  it("waits when the start loses the race to another query (OPERATION_IN_PROGRESS)", async () => {
    const admin = fakeAdmin({
      current: null,
      userErrors: [
        { field: [], message: "A bulk query operation is already in progress.", code: "OPERATION_IN_PROGRESS" },
      ],
      statuses: [],
    });
    await expect(runBulkQuery(QUERY, options(admin.admin, 5_000))).rejects.toThrow(/still running/);
    expect(admin.asked.filter((asked) => asked === "run").length).toBeGreaterThan(1);
  });

  it("fails, to be retried later, when another bulk query of the app runs past the bounded wait", async () => {
    const admin = fakeAdmin({
      current: {
        id: "gid://shopify/BulkOperation/9",
        status: "RUNNING",
        query: "{ orders { edges { node { id } } } }",
      },
      userErrors: [],
      statuses: [],
    });
    await expect(runBulkQuery(QUERY, options(admin.admin, 5_000))).rejects.toThrow(/Another bulk query/);
    expect(admin.asked.every((asked) => asked === "current")).toBe(true);
  });

  it("fails with Shopify's user errors when the mutation refuses the query", async () => {
    const admin = fakeAdmin({
      current: null,
      userErrors: [{ field: ["query"], message: "Invalid bulk query", code: "INVALID" }],
      statuses: [],
    });
    await expect(runBulkQuery(QUERY, options(admin.admin))).rejects.toThrow("INVALID: Invalid bulk query");
  });

  it("fails when the operation ends without completing", async () => {
    const admin = fakeAdmin({ current: null, userErrors: [], statuses: ["RUNNING", "FAILED"] });
    await expect(runBulkQuery(QUERY, options(admin.admin))).rejects.toThrow(/ended FAILED \(INTERNAL_SERVER_ERROR\)/);
  });

  it("stops waiting after the bounded wait, so the job's retry picks the operation up again", async () => {
    const admin = fakeAdmin({ current: null, userErrors: [], statuses: ["RUNNING"] });
    const run = options(admin.admin, 10_000);
    await expect(runBulkQuery(QUERY, run)).rejects.toThrow(BulkQueryError);
    expect(run.waits.reduce((sum, wait) => sum + wait, 0)).toBeLessThanOrEqual(10_000);
  });
});
