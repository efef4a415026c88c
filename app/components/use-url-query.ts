import { useSearchParams } from "@remix-run/react";
import { useCallback, useEffect, useState } from "react";

/** Typing pauses this long before the search goes to the URL (and the page's loader searches). */
const SEARCH_DELAY_MS = 400;

/**
 * A keyset-paged table's query kept in its URL (the Inventory and Locations pages): `update` sets
 * one parameter and starts again from the first page; the search field's text goes to `q` once
 * typing stops, and follows the URL when back and forward change it.
 */
export function useUrlQuery(): {
  params: URLSearchParams;
  search: string;
  setSearch: (text: string) => void;
  update: (key: string, value: string) => void;
} {
  const [params, setParams] = useSearchParams();
  const urlSearch = params.get("q") ?? "";
  const [search, setSearch] = useState(urlSearch);
  useEffect(() => setSearch(urlSearch), [urlSearch]);
  const update = useCallback(
    (key: string, value: string) => {
      const next = new URLSearchParams(params);
      next.delete("cursor");
      if (value) next.set(key, value);
      else next.delete(key);
      setParams(next);
    },
    [params, setParams],
  );
  useEffect(() => {
    if (search.trim() === urlSearch) return;
    const timer = setTimeout(() => update("q", search.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, urlSearch, update]);
  return { params, search, setSearch, update };
}
