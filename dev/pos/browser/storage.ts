/**
 * POS's Storage API for the extension, kept in the stand-in page's localStorage (so it survives
 * a reload, as POS storage survives an app restart). Values are stored as JSON.
 */
const PREFIX = "pos-extension-storage:";

export function localStorageBackedStorage(store: Storage = localStorage) {
  const keys = () =>
    Array.from({ length: store.length }, (_, index) => store.key(index)).filter(
      (key): key is string => key !== null && key.startsWith(PREFIX),
    );
  return {
    async get(key: string): Promise<unknown> {
      const stored = store.getItem(PREFIX + key);
      return stored === null ? undefined : (JSON.parse(stored) as unknown);
    },
    async set(key: string, value: unknown): Promise<void> {
      store.setItem(PREFIX + key, JSON.stringify(value));
    },
    async delete(key: string): Promise<boolean> {
      const had = store.getItem(PREFIX + key) !== null;
      store.removeItem(PREFIX + key);
      return had;
    },
    async clear(): Promise<void> {
      for (const key of keys()) store.removeItem(key);
    },
    async entries(): Promise<[string, unknown][]> {
      return keys().map((key) => [key.slice(PREFIX.length), JSON.parse(store.getItem(key) ?? "null") as unknown]);
    },
  };
}
