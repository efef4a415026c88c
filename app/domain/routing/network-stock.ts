// Stock taken from a prepared network as orders are routed one after another (a replay, the
// quality benchmark), so the index need not be prepared again after every decision. Only
// decreases are supported: a SKU a location does not list stays at 0, and rebuilding the index
// is the way to restock.
import { addBit, hasBit } from "./bitset";
import type { NetworkIndex } from "./network-index";

function removeBitAt(bits: Uint32Array, position: number, firstWord: number): void {
  bits[firstWord + (position >>> 5)]! &= ~(1 << (position & 31));
}

/** The slot of (position, SKU) in the SKU's posting list, or -1 when the location does not list it. */
function postingSlot(index: NetworkIndex, position: number, skuId: number): number {
  let low = index.postingStart[skuId]!;
  let high = index.postingStart[skuId + 1]!;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const found = index.postingPosition[middle]!;
    if (found === position) return middle;
    if (found < position) low = middle + 1;
    else high = middle;
  }
  return -1;
}

/**
 * Sets the units of `sku` at `locationId` to `units` (at most what the index holds now) in every
 * structure that answers stock questions, so that routing afterwards decides exactly as a network
 * prepared afresh from the new stock would. Returns false when the location or SKU is unknown to
 * the index or the location does not list the SKU (nothing to take).
 */
export function setIndexedUnits(index: NetworkIndex, locationId: string, sku: string, units: number): boolean {
  const position = index.positionById.get(locationId);
  const skuId = index.skuIds.get(sku);
  if (position === undefined || skuId === undefined) return false;
  const slot = postingSlot(index, position, skuId);
  if (slot < 0) return false;
  const before = index.postingUnits[slot]!;
  if (units > before) throw new Error(`setIndexedUnits: ${locationId} ${sku} can only decrease (${before} → ${units})`);
  index.postingUnits[slot] = units;

  const { warehouseCount } = index;
  if (position < warehouseCount) {
    index.warehouseUnits[skuId * warehouseCount + position] = units;
  } else {
    const denseRow = index.denseRowOfSku[skuId]!;
    if (denseRow >= 0) index.denseUnits[denseRow * (index.count - warehouseCount) + position - warehouseCount] = units;
  }

  const threshold = index.isStore[position] === 1 ? index.storeThreshold : 1;
  const firstWord = skuId * index.words;
  const wasServable = hasBit(index.servable, position, firstWord);
  const isServable = units >= threshold;
  if (wasServable && !isServable) {
    removeBitAt(index.servable, position, firstWord);
    index.servableCount[skuId]!--;
  } else if (!wasServable && isServable) {
    addBit(index.servable, position, firstWord);
    index.servableCount[skuId]!++;
  }
  return true;
}

/** Units of `sku` at `locationId` as the index holds them now (0 when unknown). */
export function indexedUnits(index: NetworkIndex, locationId: string, sku: string): number {
  const position = index.positionById.get(locationId);
  const skuId = index.skuIds.get(sku);
  if (position === undefined || skuId === undefined) return 0;
  const slot = postingSlot(index, position, skuId);
  return slot < 0 ? 0 : index.postingUnits[slot]!;
}
