import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { crossOriginActionRefusal, pageRouteMatcher } from "./cross-origin-actions";

/**
 * The app's HTTP server, for production (`npm start`) and for the demo (which runs the production
 * build in development mode, as remix-serve cannot): static files from build/client, everything
 * else to Remix, and before Remix the refusals it would otherwise answer with a 500
 * (cross-origin-actions.ts).
 */
export interface AppServerOptions {
  build: ServerBuild;
  mode: "production" | "development";
  /** build/client */
  clientDir: string;
  /** Where the server listens ("http://127.0.0.1:3000"): the URL Remix is given for each request. */
  origin: string;
}

const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
};

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function staticFile(clientDir: string, pathname: string): string | null {
  const file = path.join(clientDir, decodeURIComponent(pathname));
  if (!file.startsWith(clientDir + path.sep)) return null;
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
}

/**
 * The most of a request body the server reads (docs/operations.md): the largest the app takes is a
 * webhook (2 MiB) or a task photo (1.5 MB); without a cap one request could fill the memory.
 */
export const MAX_REQUEST_BODY_BYTES = 8 * 1024 * 1024;

class BodyTooLarge extends Error {}

async function toRequest(incoming: http.IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
  }
  const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD";
  const chunks: Buffer[] = [];
  if (hasBody) {
    if (Number(incoming.headers["content-length"] ?? 0) > MAX_REQUEST_BODY_BYTES) throw new BodyTooLarge();
    let size = 0;
    for await (const chunk of incoming) {
      size += (chunk as Buffer).byteLength;
      if (size > MAX_REQUEST_BODY_BYTES) throw new BodyTooLarge();
      chunks.push(chunk as Buffer);
    }
  }
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

/** The app's answer to one request that is not a static file. */
export function appRequestHandler(
  options: Pick<AppServerOptions, "build" | "mode">,
): (request: Request) => Promise<Response> {
  const remix = createRequestHandler(options.build, options.mode);
  const isPageRoute = pageRouteMatcher(options.build);
  return async (request) => crossOriginActionRefusal(request, isPageRoute) ?? remix(request);
}

export function createAppServer(
  options: AppServerOptions,
  handle: (request: Request) => Promise<Response> = appRequestHandler(options),
): http.Server {
  return http.createServer((incoming, outgoing) => {
    const pathname = new URL(incoming.url ?? "/", options.origin).pathname;
    if (!decodes(pathname)) {
      // Remix's router decodes the path too, and would answer 500.
      outgoing.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" });
      outgoing.end("Malformed path");
      return;
    }
    const file = incoming.method === "GET" ? staticFile(options.clientDir, pathname) : null;
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
    toRequest(incoming, options.origin)
      .then((request) => handle(request))
      .then((response) => send(response, outgoing))
      .catch((error: unknown) => {
        if (error instanceof BodyTooLarge) {
          // Answered without reading the rest; the connection closes rather than drain it.
          outgoing.writeHead(413, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" });
          outgoing.end("Request body too large", () => incoming.destroy());
          return;
        }
        console.error(error);
        if (!outgoing.headersSent) outgoing.writeHead(500);
        outgoing.end();
      });
  });
}
