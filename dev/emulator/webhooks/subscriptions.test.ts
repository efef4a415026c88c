import { describe, expect, it } from "vitest";
import { parseWebhookSubscriptions, readWebhookSubscriptions, resolveSubscriptionUri } from "./subscriptions";

describe("webhook subscriptions", () => {
  it("reads the app's shopify.app.toml: its API version and every topic, compliance topics included", () => {
    const subscriptions = readWebhookSubscriptions();

    expect(subscriptions.apiVersion).toBe("2026-04");
    expect(subscriptions.urisByTopic.get("app/uninstalled")).toEqual(["/webhooks/app/uninstalled"]);
    expect(subscriptions.urisByTopic.get("app/scopes_update")).toEqual(["/webhooks/app/scopes_update"]);
    expect(subscriptions.urisByTopic.get("customers/data_request")).toEqual(["/webhooks/customers/data_request"]);
    expect(subscriptions.urisByTopic.get("customers/redact")).toEqual(["/webhooks/customers/redact"]);
    expect(subscriptions.urisByTopic.get("shop/redact")).toEqual(["/webhooks/shop/redact"]);
  });

  it("lists every URI of a topic that several subscriptions name, and each topic of a subscription", () => {
    const subscriptions = parseWebhookSubscriptions(`
      [webhooks]
      api_version = "2026-04"
      [[webhooks.subscriptions]]
      topics = ["orders/create", "orders/updated"]
      uri = "/webhooks/orders"
      [[webhooks.subscriptions]]
      topics = ["orders/create"]
      uri = "https://audit.example.com/orders"
    `);

    expect(subscriptions.urisByTopic.get("orders/create")).toEqual([
      "/webhooks/orders",
      "https://audit.example.com/orders",
    ]);
    expect(subscriptions.urisByTopic.get("orders/updated")).toEqual(["/webhooks/orders"]);
  });

  it("rejects a toml without a webhooks API version", () => {
    expect(() => parseWebhookSubscriptions(`[webhooks]\n`)).toThrow();
  });

  it("appends relative URIs to the app URL, keeps absolute ones and refuses non-HTTP ones", () => {
    expect(resolveSubscriptionUri("https://app.test/", "/webhooks/a")).toBe("https://app.test/webhooks/a");
    expect(resolveSubscriptionUri("https://tunnel.test/base", "/webhooks/a")).toBe(
      "https://tunnel.test/base/webhooks/a",
    );
    expect(resolveSubscriptionUri("https://app.test", "https://other.test/x")).toBe("https://other.test/x");
    expect(resolveSubscriptionUri("https://app.test", "pubsub://project:topic")).toBeUndefined();
  });
});
