/**
 * How many rows a multiline field should ask for so that its text fits without the field growing
 * once the page hydrates. Polaris measures a multiline TextField's text in the browser and grows
 * it past its `multiline` rows; the server cannot measure, so a field that starts short jumps
 * (and pushes what is below it) on hydration. This estimates the rows on the server as well, on
 * the generous side: a field asking for more rows than its text needs keeps that height, so only
 * an underestimate moves anything.
 *
 * `charactersPerRow` is the narrowest the field's column gets beside other content; each
 * paragraph starts a row of its own.
 */
export function rowsToFit(text: string, options: { charactersPerRow: number; min: number; max: number }): number {
  const { charactersPerRow, min, max } = options;
  let rows = 0;
  for (const paragraph of text.split("\n")) rows += Math.max(1, Math.ceil(paragraph.length / charactersPerRow));
  return Math.min(max, Math.max(min, rows + 1));
}
