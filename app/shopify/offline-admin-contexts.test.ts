import { describe, expect, it } from "vitest";
import { offlineContextsHeldFor } from "./offline-admin-contexts";

function counting() {
  const loads: string[] = [];
  const load = (shop: string) => {
    loads.push(shop);
    return Promise.resolve({ shop, load: loads.length });
  };
  return { loads, load };
}

describe("offline admin contexts held per process", () => {
  it("loads a shop's context once while it is held, and again once the hold has passed", async () => {
    let clock = 0;
    const { loads, load } = counting();
    const contextOf = offlineContextsHeldFor(load, 5_000, () => clock);
    await contextOf("a.myshopify.com");
    clock = 4_999;
    expect(await contextOf("a.myshopify.com")).toEqual({ shop: "a.myshopify.com", load: 1 });
    clock = 5_000;
    expect(await contextOf("a.myshopify.com")).toEqual({ shop: "a.myshopify.com", load: 2 });
    expect(loads).toEqual(["a.myshopify.com", "a.myshopify.com"]);
  });

  it("keeps each shop's context apart", async () => {
    const { load } = counting();
    const contextOf = offlineContextsHeldFor(load, 5_000, () => 0);
    expect((await contextOf("a.myshopify.com")).shop).toBe("a.myshopify.com");
    expect((await contextOf("b.myshopify.com")).shop).toBe("b.myshopify.com");
  });

  it("does not keep a failed load: the next call tries again", async () => {
    let attempts = 0;
    const contextOf = offlineContextsHeldFor(
      (shop) => (++attempts === 1 ? Promise.reject(new Error("session storage down")) : Promise.resolve(shop)),
      5_000,
      () => 0,
    );
    await expect(contextOf("a.myshopify.com")).rejects.toThrow("session storage down");
    await Promise.resolve();
    await expect(contextOf("a.myshopify.com")).resolves.toBe("a.myshopify.com");
    expect(attempts).toBe(2);
  });
});
