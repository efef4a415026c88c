// One order's lines against the prepared network's stock bitsets: the locations that can serve
// every line (the order's full locations) and, for a split, those that can serve each line.
import { hasBit, lowestPosition, removeBit, withoutLowestBit, wordHas, wordOf } from "../bitset";
import { unitsAt, type NetworkIndex } from "../network-index";
import type { LineStockLookup } from "../trace";
import type { OrderLine } from "../types";

export class OrderStock implements LineStockLookup {
  readonly lineCount: number;
  /** Marks what this order wrote into the index's scratch memos; 0 never matches a computed entry. */
  readonly stamp: number;
  private readonly skuIdOfLine: number[] = [];
  private readonly quantityOfLine: number[] = [];
  /** Lines whose quantity exceeds what a store's (or a warehouse's) servable bit guarantees. */
  private readonly storeLinesToVerify: number[] = [];
  private readonly warehouseLinesToVerify: number[] = [];
  private readonly rarestFirst: number[] = [];
  private anyUnknownSku = false;

  constructor(
    private readonly index: NetworkIndex,
    lines: readonly OrderLine[],
  ) {
    this.lineCount = lines.length;
    for (let line = 0; line < this.lineCount; line++) {
      const { sku, quantity } = lines[line]!;
      this.skuIdOfLine.push(index.skuIds.get(sku) ?? -1);
      this.quantityOfLine.push(quantity);
      if (quantity > index.storeThreshold) this.storeLinesToVerify.push(line);
      if (quantity > 1) this.warehouseLinesToVerify.push(line);
    }
    // SKU rows by how many locations clear them, fewest first (insertion sort: ~10 lines).
    const rows = this.rarestFirst;
    const { servableCount } = index;
    for (const skuId of this.skuIdOfLine) {
      if (skuId < 0) {
        this.anyUnknownSku = true;
        continue;
      }
      let at = rows.length;
      rows.push(skuId);
      while (at > 0 && servableCount[rows[at - 1]!]! > servableCount[skuId]!) {
        rows[at] = rows[at - 1]!;
        at--;
      }
      rows[at] = skuId;
    }
    // A fresh stamp makes every cached full-bitset word stale.
    index.scratch.ordersRouted = (index.scratch.ordersRouted % 0xfffffffe) + 1;
    if (index.scratch.ordersRouted === 1) {
      index.scratch.fullBitsOrder.fill(0);
      index.scratch.splitCostOrder.fill(0);
    }
    this.stamp = index.scratch.ordersRouted;
  }

  /**
   * Word w of the order's full-location bitset: the available locations AND every line's servable
   * bitset (rarest SKU first, so most words end early). Computed only for the words a search
   * reaches; most orders never look beyond the warehouses and the stores near the destination.
   */
  private fullWord(w: number): number {
    const { scratch, servable, words, availableBits } = this.index;
    if (scratch.fullBitsOrder[w] === this.stamp) return scratch.fullBits[w]!;
    let bits = this.anyUnknownSku ? 0 : availableBits[w]!;
    const rows = this.rarestFirst;
    for (let r = 0; r < rows.length && bits !== 0; r++) bits &= servable[rows[r]! * words + w]!;
    scratch.fullBits[w] = bits;
    scratch.fullBitsOrder[w] = this.stamp;
    return bits;
  }

  /** The location is available and its stock clears every line. */
  isFull(position: number): boolean {
    if (!wordHas(this.fullWord(wordOf(position)), position)) return false;
    const toVerify = this.index.isStore[position] === 1 ? this.storeLinesToVerify : this.warehouseLinesToVerify;
    for (const line of toVerify) {
      if (unitsAt(this.index, position, this.skuIdOfLine[line]!) < this.quantityOfLine[line]!) return false;
    }
    return true;
  }

  /** Positions in [start, end) whose full bit is set: isFull still has to verify large quantities. */
  fullCandidates(start: number, end: number): number[] {
    const found: number[] = [];
    if (start >= end) return found;
    for (let w = wordOf(start); w <= wordOf(end - 1); w++) {
      for (let bits = this.fullWord(w); bits !== 0; bits = withoutLowestBit(bits)) {
        const position = lowestPosition(w, bits);
        if (position >= start && position < end) found.push(position);
      }
    }
    return found;
  }

  clearsLine(position: number, line: number): boolean {
    const index = this.index;
    const skuId = this.skuIdOfLine[line]!;
    if (skuId < 0) return false;
    if (!hasBit(index.servable, position, skuId * index.words)) return false;
    const guaranteed = index.isStore[position] === 1 ? index.storeThreshold : 1;
    const quantity = this.quantityOfLine[line]!;
    return quantity <= guaranteed || unitsAt(index, position, skuId) >= quantity;
  }

  unitsForLine(position: number, line: number): number {
    return unitsAt(this.index, position, this.skuIdOfLine[line]!);
  }

  /** Per line, the bitset of locations that can serve it on their own. */
  lineServerRows(): Uint32Array[] {
    const index = this.index;
    const { servable, availableBits, words, storeThreshold, isStore, warehouseCount } = index;
    return this.skuIdOfLine.map((skuId, line) => {
      const row = new Uint32Array(words);
      if (skuId < 0) return row;
      for (let w = 0; w < words; w++) row[w] = servable[skuId * words + w]! & availableBits[w]!;
      const quantity = this.quantityOfLine[line]!;
      // The bitsets guarantee one unit at a warehouse and storeThreshold at a store; check the rest.
      const from = quantity > 1 ? 0 : warehouseCount;
      const to = quantity > storeThreshold ? index.count : warehouseCount;
      for (let position = from; position < to; position++) {
        if (!hasBit(row, position)) continue;
        const guaranteed = isStore[position] === 1 ? storeThreshold : 1;
        if (quantity > guaranteed && unitsAt(index, position, skuId) < quantity) removeBit(row, position);
      }
      return row;
    });
  }
}
