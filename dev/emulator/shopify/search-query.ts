/**
 * The subset of Shopify's search syntax the emulator understands: whitespace-separated terms,
 * each `field:value`, `field:>value`, `field:<=value`, `-field:value` or a bare word, all of
 * which must match (AND is implicit; the literal word AND is ignored). Values may be quoted.
 */
export interface SearchTerm {
  field: string | null;
  comparator: ":" | ">" | ">=" | "<" | "<=";
  value: string;
  negated: boolean;
}

export function parseSearchQuery(query: string | null | undefined): SearchTerm[] {
  if (!query) return [];
  const terms: SearchTerm[] = [];
  const pattern = /(-)?(?:([A-Za-z_.]+):(>=|<=|>|<)?)?("([^"]*)"|'([^']*)'|\S+)/g;
  for (const match of query.matchAll(pattern)) {
    const [, negation, field, comparator, raw, doubleQuoted, singleQuoted] = match;
    const value = doubleQuoted ?? singleQuoted ?? raw ?? "";
    if (!field && (value === "AND" || value === "")) continue;
    terms.push({
      field: field ? field.toLowerCase() : null,
      comparator: (comparator as SearchTerm["comparator"] | undefined) ?? ":",
      value,
      negated: negation === "-",
    });
  }
  return terms;
}

/** Compares a field's value with a term: exact (case-insensitive) or prefix with a trailing `*`, or ordered. */
export function termMatches(term: SearchTerm, actual: string | number | boolean | null | undefined): boolean {
  const result = (() => {
    if (actual === null || actual === undefined) return false;
    if (term.comparator !== ":") {
      const a = typeof actual === "number" ? actual : String(actual);
      const b = typeof actual === "number" ? Number(term.value) : term.value;
      if (term.comparator === ">") return a > b;
      if (term.comparator === ">=") return a >= b;
      if (term.comparator === "<") return a < b;
      return a <= b;
    }
    const have = String(actual).toLowerCase();
    const want = term.value.toLowerCase();
    return want.endsWith("*") ? have.startsWith(want.slice(0, -1)) : have === want;
  })();
  return term.negated ? !result : result;
}

/**
 * Filters records with a field accessor per supported search field. An unsupported field
 * fails loudly, like a field the emulator does not implement.
 */
export function filterBySearch<T>(
  records: readonly T[],
  query: string | null | undefined,
  fields: Record<string, (record: T) => string | number | boolean | null | undefined>,
  resource: string,
): readonly T[] {
  const terms = parseSearchQuery(query);
  if (terms.length === 0) return records;
  for (const term of terms) {
    const name = term.field ?? "default";
    if (!fields[name]) throw new Error(`not emulated: ${resource} search field "${name}"`);
  }
  return records.filter((record) =>
    terms.every((term) => {
      const accessor = fields[term.field ?? "default"];
      return accessor ? termMatches(term, accessor(record)) : false;
    }),
  );
}
