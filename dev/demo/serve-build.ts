/**
 * Serves the app's production build for the demo, in development mode. `remix-serve` cannot:
 * in development it expects the Vite dev server, and in production the app (rightly) refuses
 * the local emulator. Static files come from build/client, everything else goes to Remix.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";

const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
};

const clientDir = path.resolve("build/client");
const build = (await import(pathToFileURL(path.resolve("build/server/index.js")).href)) as ServerBuild;
const handle = createRequestHandler(build, "development");

function staticFile(pathname: string): string | null {
  const file = path.join(clientDir, decodeURIComponent(pathname));
  if (!file.startsWith(clientDir + path.sep)) return null;
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
}

async function toRequest(incoming: http.IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
  }
  const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD";
  const chunks: Buffer[] = [];
  if (hasBody) for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return new Request(new URL(incoming.url ?? "/", origin), {
    method: incoming.method,
    headers,
    ...(hasBody ? { body: Buffer.concat(chunks) } : {}),
  });
}

async function send(response: Response, outgoing: http.ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  outgoing.writeHead(response.status, response.statusText, headers);
  if (!response.body) {
    outgoing.end();
    return;
  }
  Readable.fromWeb(response.body as WebReadableStream).pipe(outgoing);
}

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const origin = `http://${host}:${port}`;

http
  .createServer((incoming, outgoing) => {
    const pathname = new URL(incoming.url ?? "/", origin).pathname;
    const file = incoming.method === "GET" ? staticFile(pathname) : null;
    if (file) {
      outgoing.writeHead(200, {
        "Content-Type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
        "Cache-Control": pathname.startsWith("/assets/")
          ? "public, max-age=31536000, immutable"
          : "public, max-age=3600",
      });
      fs.createReadStream(file).pipe(outgoing);
      return;
    }
    toRequest(incoming, origin)
      .then((request) => handle(request))
      .then((response) => send(response, outgoing))
      .catch((error: unknown) => {
        console.error(error);
        if (!outgoing.headersSent) outgoing.writeHead(500);
        outgoing.end();
      });
  })
  .listen(port, host, () => console.log(`[demo] app at ${origin}`));
