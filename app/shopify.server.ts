import "@shopify/shopify-app-remix/adapters/node";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { ApiVersion, AppDistribution, LogSeverity, shopifyApp } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import prisma from "./db.server";
import { env } from "./env.server";
import { recordShopAuthenticated } from "./services/shop/installations.server";
import { sendShopTrafficToEmulator } from "./shopify/emulator-redirect.server";
import { nodeHttpFetch } from "./shopify/node-http-fetch.server";

// The library's requests go over node's HTTP client (decision 049); in development, to the emulator.
if (env.SHOPIFY_EMULATOR_URL) sendShopTrafficToEmulator(env.SHOPIFY_EMULATOR_URL, env.SHOP_CUSTOM_DOMAIN);
else setAbstractFetchFunc(nodeHttpFetch);

export const ADMIN_API_VERSION = ApiVersion.April26;

const LOG_SEVERITY = {
  debug: LogSeverity.Debug,
  info: LogSeverity.Info,
  warn: LogSeverity.Warning,
  error: LogSeverity.Error,
} as const;

const shopify = shopifyApp({
  apiKey: env.SHOPIFY_API_KEY,
  apiSecretKey: env.SHOPIFY_API_SECRET,
  apiVersion: ADMIN_API_VERSION,
  scopes: env.SCOPES?.split(","),
  appUrl: env.SHOPIFY_APP_URL,
  authPathPrefix: "/auth",
  sessionStorage: new PrismaSessionStorage(prisma),
  distribution: AppDistribution.AppStore,
  logger: { level: LOG_SEVERITY[env.LOG_LEVEL] },
  hooks: {
    afterAuth: async ({ session }) => {
      await recordShopAuthenticated(session.shop, session.scope, new Date());
    },
  },
  future: {
    // Token exchange: Shopify manages installation from shopify.app.toml's scopes.
    unstable_newEmbeddedAuthStrategy: true,
    // Shopify requires expiring offline tokens for public apps from 2027-01-01.
    expiringOfflineAccessTokens: true,
  },
  ...(env.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [env.SHOP_CUSTOM_DOMAIN] } : {}),
});

export default shopify;
export const apiVersion = ADMIN_API_VERSION;
/**
 * Shopify's document headers (the CSP that lets only the shop's admin frame the app). In
 * development against the local emulator, its admin stand-in may frame the app too, and the
 * App Bridge preload points at the local stand-in rather than Shopify's CDN.
 */
export function addDocumentResponseHeaders(request: Request, headers: Headers): void {
  shopify.addDocumentResponseHeaders(request, headers);
  // Shopify's library sets frame-ancestors only for a request naming its shop; a page without one
  // (the landing page, the login form, a shopper's pickup pass) is framed by nobody.
  if (!headers.has("Content-Security-Policy")) headers.set("Content-Security-Policy", "frame-ancestors 'none'");
  if (!env.SHOPIFY_EMULATOR_URL) return;
  const policy = headers.get("Content-Security-Policy");
  if (policy?.startsWith("frame-ancestors ")) {
    const emulatorOrigin = new URL(env.SHOPIFY_EMULATOR_URL).origin;
    headers.set("Content-Security-Policy", policy.replace("frame-ancestors ", `frame-ancestors ${emulatorOrigin} `));
  }
  if (env.APP_BRIDGE_URL && headers.has("Link"))
    headers.set("Link", `<${env.APP_BRIDGE_URL}>; rel="preload"; as="script";`);
}
/** A `host` query parameter Shopify's library cannot decode: it would throw, and Remix answer 500. */
function hasUndecodableHost(request: Request): boolean {
  const host = new URL(request.url).searchParams.get("host");
  if (host === null) return false;
  try {
    atob(host);
    return false;
  } catch {
    return true;
  }
}

/**
 * Shopify's authentication, with the admin check refusing a request it cannot read (an
 * undecodable `host`) with a 400 rather than the library's exception.
 */
export const authenticate = {
  ...shopify.authenticate,
  admin: ((request: Request) => {
    if (hasUndecodableHost(request)) throw new Response("The host parameter is not valid", { status: 400 });
    return shopify.authenticate.admin(request);
  }) as typeof shopify.authenticate.admin,
};
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const registerWebhooks = shopify.registerWebhooks;
export const sessionStorage = shopify.sessionStorage;
