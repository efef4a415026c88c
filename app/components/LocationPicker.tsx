import { useFetcher } from "@remix-run/react";
import { Autocomplete } from "@shopify/polaris";
import { useCallback, useEffect, useMemo, useState } from "react";
import {
  LOCATION_SEARCH_LIMIT,
  type LocationSearchResult,
  type LocationSearchScope,
} from "~/domain/locations/location-search";

/** Typing pauses this long before the names are searched. */
const SEARCH_DELAY_MS = 150;

export interface LocationPickerProps {
  label: string;
  scope: LocationSearchScope;
  /** The chosen location's id; "" for none (or `anyLabel`). */
  value: string;
  /** The chosen location's name, as the page's loader read it; null when none is chosen. */
  selectedName: string | null;
  onChange(id: string, name: string | null): void;
  /** Listed first, choosing it clears the choice: "All locations". */
  anyLabel?: string;
  /** Posted with its form under this name. */
  name?: string;
  error?: string;
}

/**
 * One of the shop's locations, found by typing part of its name: a national chain's thousands do
 * not fit a select (each page offering 2,010 options carried a third of a megabyte for them). The
 * names come from /app/location-search, LOCATION_SEARCH_LIMIT at a time, as the merchant types;
 * focusing the field lists the first by name.
 */
export function LocationPicker({
  label,
  scope,
  value,
  selectedName,
  onChange,
  anyLabel,
  name,
  error,
}: LocationPickerProps) {
  // A chosen id the loader could not name (no longer the shop's) shows as the id itself.
  const shownName = selectedName ?? value;
  const [text, setText] = useState(shownName);
  const [query, setQuery] = useState<string | null>(null);
  const search = useFetcher<LocationSearchResult>();
  const { load } = search;

  // The loader's choice wins when it changes (back and forward, or a choice elsewhere).
  useEffect(() => setText(shownName), [shownName]);

  useEffect(() => {
    if (query === null) return;
    const timer = setTimeout(
      () => load(`/app/location-search?${new URLSearchParams({ scope, q: query.trim() })}`),
      SEARCH_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [query, scope, load]);

  const found = search.data && "locations" in search.data ? search.data : null;
  const options = useMemo(
    () => [
      ...(anyLabel ? [{ value: "", label: anyLabel }] : []),
      ...(found?.locations ?? []).map((location) => ({ value: location.id, label: location.name })),
    ],
    [anyLabel, found],
  );

  const choose = useCallback(
    ([id]: string[]) => {
      if (id === undefined) return;
      const chosen = found?.locations.find((location) => location.id === id) ?? null;
      setText(chosen?.name ?? "");
      setQuery(null);
      onChange(id, chosen?.name ?? null);
    },
    [found, onChange],
  );

  const searching = search.state !== "idle" || (query !== null && found === null);
  return (
    <>
      {name && <input type="hidden" name={name} value={value} />}
      <Autocomplete
        options={options}
        selected={[value]}
        onSelect={choose}
        loading={searching}
        listTitle={
          found?.more ? `The first ${LOCATION_SEARCH_LIMIT} matches: type more of the name for others` : undefined
        }
        emptyState={query !== null && !searching ? <p>No location is named like that.</p> : undefined}
        textField={
          <Autocomplete.TextField
            label={label}
            value={text}
            placeholder={anyLabel ?? "Type a location's name"}
            autoComplete="off"
            error={error}
            onFocus={() => setQuery((current) => current ?? "")}
            onChange={(typed) => {
              setText(typed);
              setQuery(typed);
            }}
            onBlur={() => {
              setText(shownName);
              setQuery(null);
            }}
          />
        }
      />
    </>
  );
}
