/**
 * `npm start`: the app's production server (scripts/app-server/), in place of remix-serve, so
 * that requests Remix would answer with a 500 are refused first with a 4xx.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createAppServer } from "./app-server/app-server";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const build = (await import(pathToFileURL(path.resolve("build/server/index.js")).href)) as ServerBuild;
const mode = process.env.NODE_ENV === "production" ? "production" : "development";

createAppServer({ build, mode, clientDir: path.resolve("build/client"), origin: `http://${host}:${port}` }).listen(
  port,
  host,
  () => console.log(`[omniroute] app at http://${host}:${port} (${mode})`),
);
