import { useEffect, useState } from "preact/hooks";

/** The current time, moving on every `everyMs` while the screen is open (timers, ages). */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
