import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { NavMenu } from "@shopify/app-bridge-react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import polarisOverrides from "~/styles/polaris-overrides.css?raw";
import { authenticate } from "~/shopify.server";
import { env } from "~/env.server";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

// A few rules that replace Polaris defaults (see the file), written into the page after Polaris's
// stylesheet rather than linked: a second stylesheet is one more request before the first paint.
const POLARIS_OVERRIDES = polarisOverrides
  .replace(/\/\*[\s\S]*?\*\//g, "")
  .replace(/\s+/g, " ")
  .trim();

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  return { apiKey: env.SHOPIFY_API_KEY, appBridgeUrl: env.APP_BRIDGE_URL ?? null };
};

export default function App() {
  const { apiKey, appBridgeUrl } = useLoaderData<typeof loader>();
  return (
    <>
      <style dangerouslySetInnerHTML={{ __html: POLARIS_OVERRIDES }} />
      <AppProvider isEmbeddedApp apiKey={apiKey} {...(appBridgeUrl ? { __APP_BRIDGE_URL: appBridgeUrl } : {})}>
        <NavMenu>
          <Link to="/app" rel="home">
            Dashboard
          </Link>
          <Link to="/app/orders">Orders</Link>
          <Link to="/app/inventory">Inventory</Link>
          <Link to="/app/messages">Messages</Link>
          <Link to="/app/notifications">Notifications</Link>
          <Link to="/app/settings">Routing rules</Link>
          <Link to="/app/locations">Locations</Link>
          <Link to="/app/stores">Stores</Link>
          <Link to="/app/analytics">Analytics</Link>
          <Link to="/app/roi">ROI</Link>
        </NavMenu>
        <Outlet />
      </AppProvider>
    </>
  );
}

// Shopify needs its own headers on error responses (e.g. to re-authenticate in the admin).
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
