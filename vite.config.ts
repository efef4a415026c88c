import { vitePlugin as remix } from "@remix-run/dev";
import { installGlobals } from "@remix-run/node";
import { defineConfig, type UserConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
import { purgeUnusedPolarisCss } from "./scripts/unused-polaris-css";

// Remix on Vite: this file takes the place of the classic compiler's remix.config.js.
installGlobals({ nativeFetch: true });

// The Shopify CLI passes the app's public URL as HOST in older versions.
if (process.env.HOST && (!process.env.SHOPIFY_APP_URL || process.env.SHOPIFY_APP_URL === process.env.HOST)) {
  process.env.SHOPIFY_APP_URL = process.env.HOST;
  delete process.env.HOST;
}

const host = new URL(process.env.SHOPIFY_APP_URL || "http://localhost").hostname;
const hmrConfig =
  host === "localhost" || host === "127.0.0.1"
    ? {
        protocol: "ws",
        host,
        port: Number(process.env.HMR_PORT ?? 64999),
        clientPort: Number(process.env.HMR_PORT ?? 64999),
      }
    : { protocol: "wss", host, port: parseInt(process.env.FRONTEND_PORT ?? "8002", 10), clientPort: 443 };

export default defineConfig({
  server: {
    allowedHosts: [host],
    cors: { preflightContinue: true },
    port: Number(process.env.PORT || 3000),
    hmr: hmrConfig,
    fs: { allow: ["app", "node_modules"] },
  },
  plugins: [
    remix({
      ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_lazyRouteDiscovery: true,
        v3_singleFetch: true,
        v3_routeConfig: false,
      },
    }),
    tsconfigPaths(),
    // The second pass of `npm run build` (scripts/build.ts) names the classes to keep.
    purgeUnusedPolarisCss(process.env.POLARIS_CLASSES_FILE || undefined),
  ],
  build: {
    assetsInlineLimit: 0,
    target: "es2022",
  },
  optimizeDeps: {
    include: ["@shopify/app-bridge-react", "@shopify/polaris"],
  },
}) satisfies UserConfig;
