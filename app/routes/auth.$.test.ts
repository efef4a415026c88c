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
  it("send the session-token bounce page as the library writes it, with App Bridge and the app's frame policy", async () => {
    const reload = `https://omniroute.test/app/orders?embedded=1&shop=${SHOP}`;
    const page = await thrownBy(
      `https://omniroute.test/auth/session-token?embedded=1&shop=${SHOP}&shopify-reload=${encodeURIComponent(reload)}`,
    );
    expect(page.status).toBe(200);
    expect(page.headers.get("Content-Type")).toMatch(/^text\/html/);
    // The whole document is the library's: a script loading App Bridge with the app's key, no app markup.
    const html = await page.text();
    expect(html).toMatch(/<script data-api-key="[^"]+" src="[^"]+"><\/script>/);
    expect(html).not.toMatch(/<html|Polaris/);
    const policy = page.headers.get("Content-Security-Policy") ?? "";
    expect(policy).toMatch(/^frame-ancestors /);
    expect(policy).toContain(`https://${SHOP}`);
  });
});
