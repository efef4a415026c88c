import { describe, expect, it } from "vitest";
import { loader } from "./auth.$";

const SHOP = "windy-city-outfitters.myshopify.com";

async function thrownBy(url: string): Promise<Response> {
  try {
    await loader({ request: new Request(url), params: {}, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
  throw new Error(`${url} answered without throwing a response`);
}

describe("Shopify's auth paths", () => {
  // What the loader throws for the bounce page. That Remix sends it as is (a resource route, not
  // rendered through an error boundary) and that the demo's admin may frame it, the demo e2e shows.
  it("throw the session-token bounce page: App Bridge with the app's key, framable by the shop's admin", async () => {
    const reload = `https://omniroute.test/app/orders?embedded=1&shop=${SHOP}`;
    const page = await thrownBy(
      `https://omniroute.test/auth/session-token?embedded=1&shop=${SHOP}&shopify-reload=${encodeURIComponent(reload)}`,
    );
    expect(page.status).toBe(200);
    expect(page.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(await page.text()).toMatch(/<script data-api-key="[^"]+" src="[^"]+"><\/script>/);
    const policy = page.headers.get("Content-Security-Policy") ?? "";
    expect(policy).toMatch(/^frame-ancestors /);
    expect(policy).toContain(`https://${SHOP}`);
  });
});
