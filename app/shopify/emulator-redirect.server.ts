import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { nodeHttpFetch } from "./node-http-fetch.server";

/**
 * Development and tests only (the environment refuses SHOPIFY_EMULATOR_URL in production):
 * every request the Shopify library makes to a shop (token exchange, Admin GraphQL) goes to
 * the local emulator instead, unchanged but for the origin, over the same client as in
 * production (nodeHttpFetch, decision 049). The shop it was meant for
 * travels in X-Forwarded-Host, since fetch cannot set Host.
 */
export function isShopHost(hostname: string, customShopDomain?: string): boolean {
  return hostname.endsWith(".myshopify.com") || (customShopDomain !== undefined && hostname.endsWith(customShopDomain));
}

export function redirectShopRequest(input: string | URL | Request, emulatorUrl: string, customShopDomain?: string) {
  const original = new URL(input instanceof Request ? input.url : input.toString());
  if (!isShopHost(original.hostname, customShopDomain)) return null;
  const target = new URL(`${original.pathname}${original.search}`, emulatorUrl);
  return { url: target.toString(), shop: original.hostname };
}

export function sendShopTrafficToEmulator(emulatorUrl: string, customShopDomain?: string): void {
  setAbstractFetchFunc(async (input, init) => {
    const redirect = redirectShopRequest(input, emulatorUrl, customShopDomain);
    if (!redirect) return nodeHttpFetch(input, init);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    headers.set("X-Forwarded-Host", redirect.shop);
    return nodeHttpFetch(redirect.url, { ...init, headers });
  });
}
