import { createHash } from "node:crypto";

/**
 * Parameterised texts are a few hundred across the app and pg-boss; should some vary per call
 * (a list spelt out in the text), naming stops here rather than filling every connection with
 * statements used once.
 */
const MAX_NAMED_TEXTS = 500;
const names = new Map<string, string>();

/**
 * The name a statement text is prepared under on each connection (decision 034): the same in
 * every process, within PostgreSQL's 63 characters; null once the cap is reached, and the text
 * then goes unnamed, as before.
 */
export function preparedStatementName(text: string): string | null {
  const known = names.get(text);
  if (known !== undefined) return known;
  if (names.size >= MAX_NAMED_TEXTS) return null;
  const name = `s_${createHash("sha1").update(text).digest("hex").slice(0, 30)}`;
  names.set(text, name);
  return name;
}
