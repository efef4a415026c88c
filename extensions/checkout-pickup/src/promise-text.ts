import type { PickupPromise } from "./contract";

export interface PromiseText {
  /** "6 in stock · Ready today by 4:00 PM", "Not all items here — Lincoln Park has everything (0.8 mi)" */
  line: string;
  /** A second, quieter line ("Fully booked today"); null when there is nothing to add. */
  note: string | null;
  /** The store takes the whole cart. */
  available: boolean;
}

/** "0.8 mi", as the app names distances (app/domain/pickup-promise/promise-text.ts milesText). */
const milesText = (miles: number) => `${miles.toFixed(1)} mi`;

/**
 * What the shopper reads under a pickup option; null when the answer gives nothing to say.
 * With a nearer complete store to name, the reason is the short "Not all items here" so that the
 * line stays one line under the option; alone, it is the app's exact shortfall.
 */
export function promiseText(promise: PickupPromise): PromiseText | null {
  if (promise.status === "AVAILABLE") {
    if (!promise.headline) return null;
    const stock =
      promise.unitsInStock !== null && promise.unitsInStock > 0 ? `${promise.unitsInStock} in stock · ` : "";
    return { line: `${stock}${promise.headline}`, note: promise.note, available: true };
  }
  const [nearest] = promise.alternatives;
  const reason = promise.status === "PARTIAL" && nearest ? "Not all items here" : promise.shortfall;
  if (!nearest) return reason ? { line: reason, note: null, available: false } : null;
  const elsewhere = `${nearest.name} has everything (${milesText(nearest.distanceMiles)})`;
  return { line: reason ? `${reason} — ${elsewhere}` : elsewhere, note: null, available: false };
}
