import { describe, expect, it } from "vitest";
import { localStorageBackedStorage } from "./storage";

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  };
}

describe("POS storage in the stand-in", () => {
  it("keeps JSON values by key and leaves the page's own keys alone", async () => {
    const page = memoryStorage();
    page.setItem("pos-stand-in:location", "42");
    const storage = localStorageBackedStorage(page);
    await storage.set("kept-actions:t1", [{ requestId: "r1" }]);
    expect(await storage.get("kept-actions:t1")).toEqual([{ requestId: "r1" }]);
    expect(await storage.entries()).toEqual([["kept-actions:t1", [{ requestId: "r1" }]]]);
    expect(await storage.delete("kept-actions:t1")).toBe(true);
    expect(await storage.get("kept-actions:t1")).toBeUndefined();
    await storage.set("other", 1);
    await storage.clear();
    expect(await storage.entries()).toEqual([]);
    expect(page.getItem("pos-stand-in:location")).toBe("42");
  });
});
