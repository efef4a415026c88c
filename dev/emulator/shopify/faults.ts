import { Kind, parse, type DocumentNode } from "graphql";
import type { SeededRandom } from "../../seeded-random";

/**
 * Failures Shopify's Admin API really shows, injected at rates set at run time. Draws come
 * from the emulator's seeded generator, so a seed replays the same failures.
 */
export interface Faults {
  /** Share of requests answered 502 or 503 without doing anything. */
  adminErrorRate: number;
  /** Share of requests that do their work but answer only after `timeoutDelayMs` (a lost response). */
  adminTimeoutRate: number;
  /** Share of GraphQL requests answered THROTTLED whatever the bucket holds. */
  throttleRate: number;
}

export type FaultDraw = "server-error" | "timeout" | "throttle" | null;

export function noFaults(): Faults {
  return { adminErrorRate: 0, adminTimeoutRate: 0, throttleRate: 0 };
}

export function drawFault(faults: Faults, prng: SeededRandom, graphql: boolean): FaultDraw {
  const total = faults.adminErrorRate + faults.adminTimeoutRate + (graphql ? faults.throttleRate : 0);
  if (total <= 0) return null;
  const roll = prng.next();
  if (roll < faults.adminErrorRate) return "server-error";
  if (roll < faults.adminErrorRate + faults.adminTimeoutRate) return "timeout";
  if (graphql && roll < total) return "throttle";
  return null;
}

/** Shopify's gateway answers for an upstream failure. */
export function serverErrorResponse(prng: SeededRandom): { status: number; headers: Record<string, string>; body: string } {
  if (prng.next() < 0.5) {
    return {
      status: 502,
      headers: { "Content-Type": "text/html; charset=utf-8" },
      body: "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>There was a problem with our servers, please try again.</p></body></html>",
    };
  }
  return {
    status: 503,
    headers: { "Content-Type": "application/json; charset=utf-8", "Retry-After": "1" },
    body: JSON.stringify({ errors: "Service Unavailable: the server is temporarily unable to handle the request. Please try again." }),
  };
}

/**
 * For the fault that withholds answers (`ShopifyEmulator.holdAnswersTo`): the root fields a
 * request's mutations select ("fulfillmentOrderMove"); none for a query or a document that does not parse.
 */
export function mutationFieldsOf(query: string): string[] {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return [];
  }
  return document.definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION && definition.operation === "mutation"
      ? definition.selectionSet.selections.flatMap((selection) => (selection.kind === Kind.FIELD ? [selection.name.value] : []))
      : [],
  );
}

