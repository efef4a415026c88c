import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import { signSessionToken } from "../emulator/session-token";
import { serveStandIn, type StandInAnswer } from "../extension-host/serve";
import type { Scenario } from "../scenarios/types";
import { bundlePosScripts } from "./bundle";
import { posStandInConfig } from "./config";
import { customersAtCounter } from "./customers-at-counter";

/**
 * The Store POS stand-in of `npm run demo`: a tablet-sized page that runs the POS extension's
 * real targets with a `shopify` object standing in for POS. It is its own origin, as POS is to
 * the app, so the extension's calls to the app's `/api/pos/…` go through CORS as in production.
 * It signs session tokens as POS does: for the logged-in user, with the app's secret.
 */
export interface PosStandInOptions {
  /** 0 takes any free port. */
  port: number;
  appUrl: string;
  apiKey: string;
  apiSecret: string;
  scenario: Scenario;
  /** The app's database, where the shoppers' pickup codes are (see customers-at-counter.ts). */
  databaseUrl: string;
  /** The Shopify emulator, whose orders POS's Orders screen lists (it may start after the stand-in). */
  emulatorUrl: string;
}

export interface RunningPosStandIn {
  url: string;
  close(): Promise<void>;
}

const PAGE_DIR = path.join(path.dirname(new URL(import.meta.url).pathname), "page");
const PAGES: Record<string, { file: string; type: string }> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/screen.html": { file: "screen.html", type: "text/html; charset=utf-8" },
  "/pos.css": { file: "pos.css", type: "text/css; charset=utf-8" },
};

/** Session tokens live a minute, as POS's do; the extension asks for one per call. */
const TOKEN_LIFETIME_SECONDS = 60;

export async function startPosStandIn(options: PosStandInOptions): Promise<RunningPosStandIn> {
  const scripts = await bundlePosScripts();
  const config = posStandInConfig(options.scenario, options.appUrl);
  const knownUsers = new Set(config.staff.map((member) => member.id));
  const customers = customersAtCounter(options.databaseUrl);

  async function answer(request: http.IncomingMessage): Promise<StandInAnswer> {
    const url = new URL(request.url ?? "/", "http://pos.local");
    if (request.method !== "GET") return { status: 405, type: "text/plain", body: "GET only" };
    const page = PAGES[url.pathname];
    if (page) return { status: 200, type: page.type, body: fs.readFileSync(path.join(PAGE_DIR, page.file), "utf8") };
    const script = scripts.get(url.pathname);
    if (script !== undefined) return { status: 200, type: "text/javascript; charset=utf-8", body: script };
    if (url.pathname === "/config.json") return { status: 200, type: "application/json", body: JSON.stringify(config) };
    if (url.pathname === "/session-token") {
      const userId = Number(url.searchParams.get("userId"));
      if (!knownUsers.has(userId)) return { status: 404, type: "application/json", body: '{"error":"unknown user"}' };
      const token = signSessionToken(
        {
          shop: config.shopDomain,
          apiKey: options.apiKey,
          userId: String(userId),
          now: new Date(),
          lifetimeSeconds: TOKEN_LIFETIME_SECONDS,
        },
        options.apiSecret,
      );
      return { status: 200, type: "application/json", body: JSON.stringify({ token }) };
    }
    if (url.pathname === "/orders") {
      // POS reads a store's orders from Shopify itself; the stand-in asks the emulator's control API.
      const locationId = url.searchParams.get("locationId") ?? "";
      const shopify = await fetch(
        `${options.emulatorUrl}/_emulator/shops/${encodeURIComponent(config.shopDomain)}/orders?locationId=${encodeURIComponent(locationId)}`,
      );
      return { status: shopify.status, type: "application/json", body: await shopify.text() };
    }
    if (url.pathname === "/customers") {
      const ready = await customers.readyAt(config.shopDomain, url.searchParams.get("locationId") ?? "");
      return { status: 200, type: "application/json", body: JSON.stringify({ customers: ready }) };
    }
    return { status: 404, type: "text/plain", body: "Not found" };
  }

  const server = await serveStandIn(options.port, answer);
  return {
    url: server.url,
    async close() {
      await server.close();
      await customers.close();
    },
  };
}
