/**
 * Finding a location by name among a chain's thousands, for the pickers that replace a select of
 * every location (a national chain's 2,010 options made each page that offered them a third of a
 * megabyte heavier and the list unusable).
 */

/** Which locations a picker offers. */
export const LOCATION_SEARCH_SCOPES = ["ALL", "STORES", "PICKUP", "PLACED"] as const;
export type LocationSearchScope = (typeof LOCATION_SEARCH_SCOPES)[number];

export interface LocationChoice {
  id: string;
  name: string;
  kind: "STORE" | "WAREHOUSE" | null;
  pickupEnabled: boolean;
  /** Whether the location has coordinates and a profile: routing can place an order near it. */
  placed: boolean;
}

export interface LocationSearchResult {
  locations: { id: string; name: string }[];
  /** More locations match than were listed: the merchant types more of the name. */
  more: boolean;
}

/** Longest query the search takes: a name is far shorter. */
export const LOCATION_QUERY_MAX_LENGTH = 100;
/** Matches listed at once. */
export const LOCATION_SEARCH_LIMIT = 20;

function inScope(choice: LocationChoice, scope: LocationSearchScope): boolean {
  switch (scope) {
    case "ALL":
      return true;
    case "STORES":
      return choice.kind === "STORE";
    case "PICKUP":
      return choice.placed && choice.pickupEnabled;
    case "PLACED":
      return choice.placed;
  }
}

const byName = (a: LocationChoice, b: LocationChoice) =>
  a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The locations in scope whose name contains every word of the query (any case, any order), by
 * name: names that start with the query first, so "Austin" lists "Austin Downtown" before
 * "North Austin". An empty query lists the first by name.
 */
export function searchLocationChoices(
  choices: readonly LocationChoice[],
  query: string,
  scope: LocationSearchScope,
  limit = LOCATION_SEARCH_LIMIT,
): LocationSearchResult {
  const needle = query.trim().toLocaleLowerCase();
  const words = needle.split(/\s+/).filter(Boolean);
  const matches = choices.filter((choice) => {
    if (!inScope(choice, scope)) return false;
    const name = choice.name.toLocaleLowerCase();
    return words.every((word) => name.includes(word));
  });
  const startsWith = (choice: LocationChoice) => choice.name.toLocaleLowerCase().startsWith(needle);
  matches.sort((a, b) => Number(startsWith(b)) - Number(startsWith(a)) || byName(a, b));
  return {
    locations: matches.slice(0, limit).map((choice) => ({ id: choice.id, name: choice.name })),
    more: matches.length > limit,
  };
}

/** The first location in scope by name (a form's starting choice), or null when there is none. */
export function firstLocationChoice(
  choices: readonly LocationChoice[],
  scope: LocationSearchScope,
): { id: string; name: string } | null {
  return searchLocationChoices(choices, "", scope, 1).locations[0] ?? null;
}
