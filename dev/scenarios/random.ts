// Every scenario draws from one seeded generator, so it is the same on every run.
export { mulberry32 as seededRandom } from "../seeded-random";

export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** EAN-13 from 12 digits: the GS1 check digit weights digits 1, 3, 1, 3 … from the left. */
export function ean13(twelveDigits: string): string {
  if (!/^\d{12}$/.test(twelveDigits)) throw new Error(`EAN-13 needs 12 digits, got ${twelveDigits}`);
  const sum = [...twelveDigits].reduce((n, d, i) => n + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return `${twelveDigits}${(10 - (sum % 10)) % 10}`;
}

export function isValidEan13(code: string): boolean {
  return /^\d{13}$/.test(code) && ean13(code.slice(0, 12)) === code;
}
