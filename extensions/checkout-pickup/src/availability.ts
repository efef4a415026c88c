import type { CartLine, PickupLocationOption } from "@shopify/ui-extensions/checkout";
import { postToApp } from "./app-request";
import { availabilityUrl } from "./app-url";
import type { Alternative, AvailabilityRequest, AvailabilityStatus, PickupPromise } from "./contract";

/** Past this, the shopper has moved on: the option shows nothing rather than arriving late. */
export const ANSWER_TIMEOUT_MS = 4_000;

/**
 * What to ask about a pickup option: the cart's variants (a variant on several lines counted once,
 * with their units added) and the option's name and address. Null when checkout has not given
 * enough to match the option to a store (no street, city or country yet) or the cart is empty.
 */
export function availabilityRequest(
  lines: readonly CartLine[],
  option: PickupLocationOption,
): AvailabilityRequest | null {
  const units = new Map<string, number>();
  for (const line of lines) {
    if (line.merchandise.type !== "variant" || line.quantity < 1) continue;
    units.set(line.merchandise.id, (units.get(line.merchandise.id) ?? 0) + line.quantity);
  }
  const { location } = option;
  const address = location.address;
  const address1 = given(address, "address1");
  const city = given(address, "city");
  const countryCode = given(address, "countryCode");
  if (units.size === 0 || !address1 || !city || !countryCode) return null;
  return {
    lines: [...units].map(([variantId, quantity]) => ({ variantId, quantity })),
    option: {
      name: given(location, "name") ?? "",
      address: {
        address1,
        address2: given(address, "address2"),
        city,
        zip: given(address, "zip"),
        provinceCode: given(address, "provinceCode"),
        countryCode,
      },
    },
  };
}

/**
 * An optional field checkout may leave out. Asked with `in` first: the extension tester's
 * stand-in for checkout throws on reading a field that is absent.
 */
function given<T extends object, K extends keyof T>(record: T, key: K): T[K] | undefined {
  return key in record ? record[key] : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const STATUSES: readonly string[] = ["AVAILABLE", "PARTIAL", "UNAVAILABLE"] satisfies AvailabilityStatus[];

const textOrNull = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);

/** The app's tokens are a few hundred characters; anything else is not one of them. */
const MAX_PROMISE_TOKEN_LENGTH = 2048;

const tokenOrNull = (value: unknown) =>
  typeof value === "string" && value !== "" && value.length <= MAX_PROMISE_TOKEN_LENGTH ? value : null;

function alternativeOf(value: unknown): Alternative | null {
  if (!isRecord(value) || typeof value.name !== "string" || typeof value.distanceMiles !== "number") return null;
  return { name: value.name, distanceMiles: value.distanceMiles };
}

/**
 * The promise in an answer, or null when there is none to show: the option is not one of the
 * shop's stores (`location: null`), or the answer is not the contract's shape.
 */
export function promiseOf(answer: unknown): PickupPromise | null {
  if (!isRecord(answer) || !isRecord(answer.location) || !isRecord(answer.promise)) return null;
  const { status, headline, note, unitsInStock, shortfall, alternatives, promiseToken } = answer.promise;
  if (typeof status !== "string" || !STATUSES.includes(status)) return null;
  return {
    status: status as AvailabilityStatus,
    headline: textOrNull(headline),
    note: textOrNull(note),
    unitsInStock: typeof unitsInStock === "number" ? unitsInStock : null,
    shortfall: textOrNull(shortfall),
    alternatives: Array.isArray(alternatives)
      ? alternatives.map(alternativeOf).filter((entry): entry is Alternative => entry !== null)
      : [],
    promiseToken: status === "AVAILABLE" ? tokenOrNull(promiseToken) : null,
  };
}

/**
 * Asks the app for the option's promise with checkout's session token. Null for anything but a
 * usable answer (no network, a refusal, a timeout, an unknown store): checkout then shows nothing
 * of Omniroute's under the option, and the shopper's choice is untouched.
 */
export async function fetchPickupPromise(
  request: AvailabilityRequest,
  sessionToken: () => Promise<string>,
  signal: AbortSignal,
  timeoutMs = ANSWER_TIMEOUT_MS,
): Promise<PickupPromise | null> {
  const answer = await postToApp(availabilityUrl(), request, sessionToken, signal, timeoutMs);
  return answer && answer.status >= 200 && answer.status < 300 ? promiseOf(answer.body) : null;
}
