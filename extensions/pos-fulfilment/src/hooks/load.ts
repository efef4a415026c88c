import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { PosApiError } from "../api/client";

export function asApiError(error: unknown): PosApiError {
  if (error instanceof PosApiError) return error;
  return new PosApiError("UNEXPECTED", "Something went wrong on this device. Try again.", null);
}

export interface Loaded<T> {
  data: T | null;
  error: PosApiError | null;
  reload: () => Promise<void>;
}

/**
 * Reads from the POS API now, again whenever `key` changes, and every `everyMs` while the screen
 * is open. The last good answer stays on screen when a later read fails.
 */
export function useLoad<T>(load: () => Promise<T>, key: string, everyMs?: number): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<PosApiError | null>(null);
  const latestLoad = useRef(load);
  latestLoad.current = load;
  const reload = useCallback(async () => {
    try {
      setData(await latestLoad.current());
      setError(null);
    } catch (failure) {
      setError(asApiError(failure));
    }
  }, []);
  useEffect(() => {
    setData(null);
    void reload();
    if (!everyMs) return;
    const timer = setInterval(() => void reload(), everyMs);
    return () => clearInterval(timer);
  }, [key, everyMs, reload]);
  return { data, error, reload };
}
