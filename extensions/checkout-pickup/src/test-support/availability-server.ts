import {
  createCartLine,
  createPickupLocation,
  createPickupLocationOption,
} from "@shopify/ui-extensions-tester/checkout";
import type { CartLine, PickupLocationOption } from "@shopify/ui-extensions/checkout";
import { askedRequest, replyWith, type AskedRequest, type Reply } from "./fake-app";

/**
 * The app's POST /api/checkout/pickup-availability as the extension meets it: it records what it
 * was asked and answers as the test says (an answer, no network, or no answer until aborted).
 */

export const SESSION_TOKEN = "mock-session-token";
/** What the app signs for an available promise (the extension hands it on as it is). */
export const PROMISE_TOKEN = "eyJzIjoiYWNtZSJ9.c2lnbmVk";

export type { AskedRequest };

export class FakeAvailabilityApi {
  readonly requests: AskedRequest[] = [];
  private behaviour: Reply = { kind: "answer", status: 200, body: answer() };

  answers(body: unknown, status = 200): void {
    this.behaviour = { kind: "answer", status, body };
  }

  isUnreachable(): void {
    this.behaviour = { kind: "unreachable" };
  }

  stalls(): void {
    this.behaviour = { kind: "stall" };
  }

  answersLate(afterMs: number, body: unknown): void {
    this.behaviour = { kind: "late", afterMs, body };
  }

  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const asked = askedRequest(input, init);
    this.requests.push(asked);
    return replyWith(this.behaviour, asked.signal);
  };
}

/** An answer as the app sends it: Wicker Park has everything, ready today by 4:00 PM. */
export function answer(
  promise: Record<string, unknown> = {},
  location: object | null = { id: "7", name: "Wicker Park" },
) {
  return {
    location,
    promise: location && {
      status: "AVAILABLE",
      readyBy: "2026-11-30T22:00:00.000Z",
      headline: "Ready today by 4:00 PM",
      note: null,
      unitsInStock: 6,
      shortfall: null,
      alternatives: [],
      promiseToken: PROMISE_TOKEN,
      ...promise,
    },
    message: location ? null : "No pickup location of the shop has this address",
  };
}

export function cartLine(variant: number, quantity: number, line = variant): CartLine {
  const base = createCartLine();
  return createCartLine({
    id: `gid://shopify/CartLine/${line}`,
    quantity,
    merchandise: { ...base.merchandise, id: `gid://shopify/ProductVariant/${variant}` },
  });
}

export function wickerParkOption(): PickupLocationOption {
  return createPickupLocationOption({
    handle: "wicker-park",
    location: createPickupLocation({
      name: "Wicker Park",
      address: {
        address1: "1520 N Milwaukee Ave",
        city: "Chicago",
        zip: "60622",
        provinceCode: "IL",
        countryCode: "US",
      },
    }),
  });
}
