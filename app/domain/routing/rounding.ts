// Output precision. Decisions are made at full precision; only what is printed is rounded.

export { roundCents } from "../money";

export function roundMiles(miles: number): number {
  return Math.round(miles * 100) / 100;
}
