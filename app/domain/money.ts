/** Dollar amounts as the app stores and shows them. Decisions are made at full precision. */

/** Rounded to the nearest cent: 9.126 → 9.13 (an exact half cent goes up, as Math.round does). */
export function roundCents(dollars: number): number {
  return Math.round(dollars * 100) / 100;
}

/** "9.15": dollars with two decimals and no sign, as a form's money field holds them. */
export function dollarsFieldValue(dollars: number): string {
  return dollars.toFixed(2);
}

/** "$9.15": dollars with two decimals, as merchants read a cost. */
export function formatDollars(dollars: number): string {
  return `$${dollarsFieldValue(dollars)}`;
}
