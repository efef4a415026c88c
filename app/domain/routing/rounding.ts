// Output precision. Decisions are made at full precision; only what is printed is rounded.

export function roundCents(dollars: number): number {
  return Math.round(dollars * 100) / 100;
}

export function roundMiles(miles: number): number {
  return Math.round(miles * 100) / 100;
}
