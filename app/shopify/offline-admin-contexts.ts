/**
 * The shop's offline Admin API context, held for a few seconds per process. Loading it reads the
 * session table (and refreshes an expiring token): a routed order makes about five Admin API
 * calls from several jobs within a second, and each would otherwise load the same session. The
 * library refreshes a token well before it expires, so a context a few seconds old is as good as a
 * fresh one; a failed load is not kept.
 */
export function offlineContextsHeldFor<Context>(
  load: (shop: string) => Promise<Context>,
  holdMs: number,
  now: () => number = Date.now,
): (shop: string) => Promise<Context> {
  const held = new Map<string, { loadedAt: number; context: Promise<Context> }>();
  return (shop) => {
    const at = now();
    const entry = held.get(shop);
    if (entry && at - entry.loadedAt < holdMs) return entry.context;
    // Entries of shops not seen since expire lazily; sweep them when the map grows.
    if (held.size > 1_000) {
      for (const [key, value] of held) if (at - value.loadedAt >= holdMs) held.delete(key);
    }
    const context = load(shop);
    held.set(shop, { loadedAt: at, context });
    context.catch(() => {
      if (held.get(shop)?.context === context) held.delete(shop);
    });
    return context;
  };
}
