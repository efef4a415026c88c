/**
 * Serves the app's production build for the demo, in development mode: `remix-serve` cannot (in
 * development it expects the Vite dev server, and in production the app rightly refuses the local
 * emulator). The same server as `npm start` (scripts/app-server/).
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createAppServer } from "../../scripts/app-server/app-server";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const origin = `http://${host}:${port}`;
const build = (await import(pathToFileURL(path.resolve("build/server/index.js")).href)) as ServerBuild;

createAppServer({ build, mode: "development", clientDir: path.resolve("build/client"), origin }).listen(
  port,
  host,
  () => console.log(`[demo] app at ${origin}`),
);
