// Sets of location positions as bits: position p is bit p & 31 of 32-bit word p >>> 5. The prepared
// network keeps one set per SKU and one of the available locations; routing intersects them a word
// at a time. Several sets may share one array, one row of words each: `firstWord` says where a row starts.

/** 32-bit words in a set over `count` positions; at least one, so an empty network still has a row. */
export function wordsFor(count: number): number {
  return Math.max(1, Math.ceil(count / 32));
}

/** The number of the word that holds `position`. */
export function wordOf(position: number): number {
  return position >>> 5;
}

/** Whether `position` is set in `word`, the word of its set that holds it. */
export function wordHas(word: number, position: number): boolean {
  return (word & (1 << (position & 31))) !== 0;
}

export function hasBit(bits: Uint32Array, position: number, firstWord = 0): boolean {
  return (bits[firstWord + (position >>> 5)]! & (1 << (position & 31))) !== 0;
}

export function addBit(bits: Uint32Array, position: number, firstWord = 0): void {
  bits[firstWord + (position >>> 5)]! |= 1 << (position & 31);
}

export function removeBit(bits: Uint32Array, position: number): void {
  bits[position >>> 5]! &= ~(1 << (position & 31));
}

/** The position of the lowest bit set in `word` (not 0), word number `w` of its set. */
export function lowestPosition(w: number, word: number): number {
  return w * 32 + (31 - Math.clz32(word & -word));
}

/** `word` without its lowest set bit: a loop of lowestPosition and this visits each bit once. */
export function withoutLowestBit(word: number): number {
  return word & (word - 1);
}

/** How many bits are set in a 32-bit word. */
export function popcount32(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** How many positions a set holds. */
export function countBits(bits: Uint32Array): number {
  let count = 0;
  for (let w = 0; w < bits.length; w++) count += popcount32(bits[w]!);
  return count;
}
