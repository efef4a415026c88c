import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";
import { z } from "zod";

/**
 * The app's webhook subscriptions as Shopify reads them from `shopify.app.toml`: one API version
 * for every delivery, and for each topic (including the compliance topics) the URIs it goes to.
 */
export type WebhookSubscriptions = {
  apiVersion: string;
  /** topic ("orders/create") → URIs, each relative to the app URL or absolute. */
  urisByTopic: ReadonlyMap<string, readonly string[]>;
};

export const APP_TOML_PATH = path.resolve(import.meta.dirname, "../../../shopify.app.toml");

const appTomlSchema = z.object({
  webhooks: z.object({
    api_version: z.string().min(1),
    subscriptions: z
      .array(
        z.object({
          topics: z.array(z.string().min(1)).optional(),
          compliance_topics: z.array(z.string().min(1)).optional(),
          uri: z.string().min(1),
        }),
      )
      .default([]),
  }),
});

export function parseWebhookSubscriptions(tomlText: string): WebhookSubscriptions {
  const config = appTomlSchema.parse(parse(tomlText));
  const urisByTopic = new Map<string, string[]>();
  for (const subscription of config.webhooks.subscriptions) {
    for (const topic of [...(subscription.topics ?? []), ...(subscription.compliance_topics ?? [])]) {
      const uris = urisByTopic.get(topic) ?? [];
      if (!uris.includes(subscription.uri)) uris.push(subscription.uri);
      urisByTopic.set(topic, uris);
    }
  }
  return { apiVersion: config.webhooks.api_version, urisByTopic };
}

export function readWebhookSubscriptions(tomlPath: string = APP_TOML_PATH): WebhookSubscriptions {
  return parseWebhookSubscriptions(readFileSync(tomlPath, "utf8"));
}

/**
 * Where a subscription's URI points. Shopify appends a relative URI to the app URL (keeping any
 * path the app URL has); `pubsub://` and EventBridge ARNs are not HTTP and yield `undefined`.
 */
export function resolveSubscriptionUri(appUrl: string, uri: string): string | undefined {
  if (/^https?:\/\//i.test(uri)) return uri;
  if (!uri.startsWith("/")) return undefined;
  return appUrl.replace(/\/+$/, "") + uri;
}
