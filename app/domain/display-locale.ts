/**
 * The locale to format a merchant's numbers in: the first of the candidates (Shopify admin's
 * `locale` parameter, then the browser's Accept-Language) that this runtime can format, else
 * en-US. Candidates are untrusted text; one that is not a locale tag is skipped.
 */
export const FALLBACK_LOCALE = "en-US";

function supported(tag: string): string | null {
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/.test(tag)) return null;
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag])[0] ?? null;
  } catch {
    return null;
  }
}

/** The language tags of an Accept-Language header, most preferred first. */
export function acceptedLanguages(header: string | null): string[] {
  if (!header) return [];
  return header
    .slice(0, 500)
    .split(",")
    .map((part, index) => {
      const [tag = "", ...options] = part.trim().split(";");
      const q = options.map((option) => /^\s*q=([0-9.]+)\s*$/.exec(option)?.[1]).find(Boolean);
      return { tag: tag.trim(), weight: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag !== "" && entry.tag !== "*" && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((entry) => entry.tag);
}

export function displayLocale(candidates: readonly (string | null | undefined)[]): string {
  for (const candidate of candidates) {
    const found = candidate ? supported(candidate) : null;
    if (found) return found;
  }
  return FALLBACK_LOCALE;
}
