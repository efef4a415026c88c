import { describe, expect, it } from "vitest";
import {
  AdminApiAuthError,
  AdminApiQueryError,
  AdminApiUnavailableError,
} from "./admin-api-errors";
import { createAdminClient, type AdminGraphqlReply, type AdminGraphqlRequest } from "./admin-client.server";
import { CostBucketEstimates } from "./cost-bucket-estimates";
import { CostMeter } from "./cost-meter";

/**
 * The client's decisions with a fake clock, fake sleep and a scripted transport: no real
 * waiting and no network. Each scripted step answers one send.
 */
const SHOP = "unit-shop.myshopify.com";
const QUERY = "query OrderForTest($id: ID!) { order(id: $id) { id } }";
const MUTATION = "mutation MoveForTest($id: ID!) { fulfillmentOrderMove(id: $id, newLocationId: $id) { userErrors { message } } }";
const BUCKET = { maximumAvailable: 1000, restoreRate: 50 };

type Step = AdminGraphqlReply | Error | "never answers";

function cost(requested: number, actual: number | null, currentlyAvailable: number) {
  return { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: { ...BUCKET, currentlyAvailable } };
}

function dataReply(available = 900, requested = 20, actual = 12): AdminGraphqlReply {
  return { status: 200, body: { data: { order: { id: "gid://shopify/Order/1" } }, extensions: { cost: cost(requested, actual, available) } } };
}

function throttledReply(available: number, requested = 20): AdminGraphqlReply {
  return {
    status: 200,
    body: {
      errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }],
      extensions: { cost: cost(requested, null, available) },
    },
  };
}

const badGateway: AdminGraphqlReply = { status: 502, body: "<html>502 Bad Gateway</html>" };
const internalError: AdminGraphqlReply = { status: 500, body: "Internal Server Error" };

function harness(steps: Step[], options: { maxAttempts?: number; maxThrottledRetries?: number; timeoutMs?: number } = {}) {
  let clock = 0;
  const sleeps: number[] = [];
  const sent: AdminGraphqlRequest[] = [];
  const estimates = new CostBucketEstimates();
  const meter = new CostMeter();
  const client = createAdminClient({
    shop: SHOP,
    send: async (request) => {
      sent.push(request);
      const step = steps.shift();
      if (step === undefined) throw new Error("test script ran out of answers");
      if (step === "never answers") return new Promise<AdminGraphqlReply>(() => {});
      if (step instanceof Error) throw step;
      return step;
    },
    estimates,
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    random: () => 0.5,
    backoff: { baseDelayMs: 100, maxDelayMs: 2_000 },
    costMeter: meter,
    ...options,
  });
  return {
    client,
    sleeps,
    sent,
    estimates,
    meter,
    advance: (ms: number) => (clock += ms),
  };
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error,
  );
}

describe("the Admin API client", () => {
  it("returns the data with its requested and actual cost, and records it in the meters", async () => {
    const h = harness([dataReply(900, 20, 12)]);
    const perCall = new CostMeter();
    const result = await h.client.requestUntyped(QUERY, { id: "gid://shopify/Order/1" }, { costMeter: perCall });
    expect(result).toEqual({ data: { order: { id: "gid://shopify/Order/1" } }, cost: { requested: 20, actual: 12 } });
    expect(h.sent[0]).toMatchObject({ operationName: "OrderForTest", variables: { id: "gid://shopify/Order/1" } });
    expect(perCall.total()).toEqual({ calls: 1, requested: 20, actual: 12, throttledRetries: 0, failedRetries: 0 });
    expect(h.meter.byOperation()).toEqual({
      OrderForTest: { calls: 1, requested: 20, actual: 12, throttledRetries: 0, failedRetries: 0 },
    });
  });

  describe("pacing", () => {
    it("waits for the bucket to refill when the last report leaves less than the operation's cost", async () => {
      // The first answer reports 5 points left; the operation last requested 20.
      const h = harness([dataReply(5, 20), dataReply(900)]);
      await h.client.requestUntyped(QUERY, { id: "1" });
      expect(h.sleeps).toEqual([]);
      await h.client.requestUntyped(QUERY, { id: "1" });
      // 15 points short at 50 a second.
      expect(h.sleeps).toEqual([300]);
    });

    it("does not wait when time since the report has restored enough", async () => {
      const h = harness([dataReply(5, 20), dataReply(900)]);
      await h.client.requestUntyped(QUERY, { id: "1" });
      h.advance(300);
      await h.client.requestUntyped(QUERY, { id: "1" });
      expect(h.sleeps).toEqual([]);
    });

    it("expects 50 points of an operation it has never seen, unless told its cost", async () => {
      const h = harness([dataReply(0, 10), dataReply(900), dataReply(900)]);
      await h.client.requestUntyped("query First { shop { id } }");
      await h.client.requestUntyped("query Unseen { shop { id } }");
      expect(h.sleeps).toEqual([1_000]);
      h.estimates.observe(SHOP, { ...BUCKET, currentlyAvailable: 0 }, 1_000);
      await h.client.requestUntyped("query AlsoUnseen { shop { id } }", {}, { expectedCost: 5 });
      expect(h.sleeps).toEqual([1_000, 100]);
    });
  });

  describe("THROTTLED", () => {
    it("waits for the deficit Shopify reported, sends again and succeeds", async () => {
      const h = harness([throttledReply(2, 20), dataReply(900)]);
      const result = await h.client.requestUntyped(QUERY, { id: "1" });
      expect(result.data).toEqual({ order: { id: "gid://shopify/Order/1" } });
      expect(h.sent).toHaveLength(2);
      // 18 points short at 50 a second.
      expect(h.sleeps).toEqual([360]);
      expect(h.meter.total()).toMatchObject({ calls: 1, throttledRetries: 1, failedRetries: 0 });
    });

    it("backs off when the THROTTLED answer reports no bucket to wait on", async () => {
      const throttledWithoutCost: AdminGraphqlReply = {
        status: 200,
        body: { errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }] },
      };
      const h = harness([throttledWithoutCost, dataReply(900)]);
      await h.client.requestUntyped(QUERY, { id: "1" });
      expect(h.sleeps).toEqual([50]);
    });

    it("gives up with AdminApiUnavailableError after too many THROTTLED answers", async () => {
      const h = harness([throttledReply(0), throttledReply(0), throttledReply(0)], { maxThrottledRetries: 2 });
      const error = await failureOf(h.client.requestUntyped(QUERY, { id: "1" }));
      expect(error).toBeInstanceOf(AdminApiUnavailableError);
      expect(error).toMatchObject({ attempts: 3, lastCause: "THROTTLED 3 times" });
    });
  });

  describe("server and network failures", () => {
    it("retries 5xx with exponential backoff and full jitter, then succeeds", async () => {
      const h = harness([badGateway, { status: 503, body: "busy" }, dataReply()]);
      const result = await h.client.requestUntyped(QUERY, { id: "1" });
      expect(result.cost).toEqual({ requested: 20, actual: 12 });
      // Half (random 0.5) of ceilings 100 and 200.
      expect(h.sleeps).toEqual([50, 100]);
      expect(h.meter.total()).toMatchObject({ calls: 1, failedRetries: 2 });
    });

    it("throws AdminApiUnavailableError with shop, operation, attempts and last cause when 5xx persists", async () => {
      const h = harness([badGateway, badGateway, badGateway, badGateway], { maxAttempts: 4 });
      const error = await failureOf(h.client.requestUntyped(QUERY, { id: "1" }));
      expect(error).toBeInstanceOf(AdminApiUnavailableError);
      expect(error).toMatchObject({
        shop: SHOP,
        operationName: "OrderForTest",
        attempts: 4,
        outcomeUnknown: false,
      });
      expect((error as AdminApiUnavailableError).lastCause).toMatch(/^HTTP 502: <html>502 Bad Gateway/);
      expect(h.sent).toHaveLength(4);
      expect(h.sleeps).toEqual([50, 100, 200]);
    });

    it("waits at least as long as a 429's Retry-After", async () => {
      const h = harness([{ status: 429, body: "Too Many Requests", retryAfterMs: 1_500 }, dataReply()]);
      await h.client.requestUntyped(QUERY, { id: "1" });
      expect(h.sleeps).toEqual([1_500]);
    });

    it("retries network errors and timeouts of a query", async () => {
      const h = harness([new TypeError("fetch failed"), "never answers", dataReply()], { timeoutMs: 5 });
      const result = await h.client.requestUntyped(QUERY, { id: "1" });
      expect(result.data).toEqual({ order: { id: "gid://shopify/Order/1" } });
      expect(h.sent).toHaveLength(3);
      expect(h.sent[1]?.signal.aborted).toBe(true);
    });

    it("names the timeout when every send goes unanswered", async () => {
      const h = harness(["never answers", "never answers"], { timeoutMs: 5, maxAttempts: 2 });
      const error = await failureOf(h.client.requestUntyped(QUERY, { id: "1" }));
      expect(error).toMatchObject({ attempts: 2, lastCause: "no answer within 5 ms" });
    });

    it("retries Shopify's INTERNAL_SERVER_ERROR of a query", async () => {
      const internal: AdminGraphqlReply = {
        status: 200,
        body: { errors: [{ message: "Internal error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] },
      };
      const h = harness([internal, dataReply()]);
      await h.client.requestUntyped(QUERY, { id: "1" });
      expect(h.sent).toHaveLength(2);
    });
  });

  describe("mutations", () => {
    it("sends a mutation again after 502, 503 or 429: Shopify did not run it", async () => {
      const h = harness([badGateway, { status: 429, body: "" }, dataReply()]);
      await h.client.requestUntyped(MUTATION, { id: "1" });
      expect(h.sent).toHaveLength(3);
    });

    it("does not send a mutation again when its answer was lost: it may have been applied", async () => {
      for (const lost of [internalError, new TypeError("socket hang up"), "never answers" as const]) {
        const h = harness([lost, dataReply()], { timeoutMs: 5 });
        const error = await failureOf(h.client.requestUntyped(MUTATION, { id: "1" }));
        expect(error).toBeInstanceOf(AdminApiUnavailableError);
        expect(error).toMatchObject({ operationName: "MoveForTest", attempts: 1, outcomeUnknown: true });
        expect(h.sent).toHaveLength(1);
      }
    });

    it("sends a lost mutation again when the caller says it is idempotent", async () => {
      const h = harness([internalError, dataReply()]);
      await h.client.requestUntyped(MUTATION, { id: "1" }, { idempotent: true });
      expect(h.sent).toHaveLength(2);
    });
  });

  describe("final failures", () => {
    it("throws AdminApiQueryError for a validation error at once, never retrying it", async () => {
      const validation: AdminGraphqlReply = {
        status: 200,
        body: { errors: [{ message: "Field 'nope' doesn't exist on type 'Order'", extensions: { code: "undefinedField" } }] },
      };
      const h = harness([validation, dataReply()]);
      const error = await failureOf(h.client.requestUntyped(QUERY, { id: "1" }));
      expect(error).toBeInstanceOf(AdminApiQueryError);
      expect((error as AdminApiQueryError).errors).toEqual([
        { message: "Field 'nope' doesn't exist on type 'Order'", code: "undefinedField" },
      ]);
      expect(h.sent).toHaveLength(1);
      expect(h.sleeps).toEqual([]);
    });

    it("throws AdminApiAuthError for 401, never retrying it", async () => {
      const h = harness([{ status: 401, body: { errors: "[API] Invalid API key or access token" } }, dataReply()]);
      const error = await failureOf(h.client.requestUntyped(QUERY, { id: "1" }));
      expect(error).toBeInstanceOf(AdminApiAuthError);
      expect(h.sent).toHaveLength(1);
    });

    it("passes on an AdminApiError the transport already knew to be final", async () => {
      const h = harness([new AdminApiAuthError(SHOP, "OrderForTest", "no offline session"), dataReply()]);
      const error = await failureOf(h.client.requestUntyped(QUERY, { id: "1" }));
      expect(error).toBeInstanceOf(AdminApiAuthError);
      expect(h.sent).toHaveLength(1);
    });
  });
});
