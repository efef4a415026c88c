import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppServer, MAX_REQUEST_BODY_BYTES } from "./app-server";

/**
 * The app's HTTP server in front of Remix, with a stand-in for Remix's handler that says what
 * reached it: what the server refuses, and how, before the app sees a byte.
 */

let server: http.Server;
let base: string;
const clientDir = fs.mkdtempSync(path.join(os.tmpdir(), "omniroute-client-"));
const reached: { path: string; bytes: number }[] = [];

beforeAll(async () => {
  fs.writeFileSync(path.join(clientDir, "favicon.ico"), "icon");
  server = createAppServer(
    { build: {} as ServerBuild, mode: "production", clientDir, origin: "http://127.0.0.1" },
    async (request) => {
      const bytes = (await request.arrayBuffer()).byteLength;
      reached.push({ path: new URL(request.url).pathname, bytes });
      return new Response(`ok ${bytes}`);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(clientDir, { recursive: true, force: true });
});

/** A raw request (no client library second-guessing the path or the body's framing). */
function raw(request: string, body?: AsyncIterable<Buffer> | Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(base);
    const socket = http.request({ host: url.hostname, port: url.port, ...parse(request) }, (response) => {
      let text = "";
      response.on("data", (chunk: Buffer) => (text += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
    });
    socket.on("error", reject);
    if (body instanceof Buffer) socket.end(body);
    else if (body)
      void (async () => {
        for await (const chunk of body) if (!socket.write(chunk)) await new Promise((ok) => socket.once("drain", ok));
        socket.end();
      })().catch(() => undefined);
    else socket.end();
  });
}

function parse(request: string): http.RequestOptions {
  const [method, requestPath] = request.split(" ");
  return { method, path: requestPath };
}

describe("the app's HTTP server", () => {
  it("serves a static file and hands everything else to the app", async () => {
    expect(await raw("GET /favicon.ico")).toEqual({ status: 200, text: "icon" });
    expect(await raw("GET /app")).toEqual({ status: 200, text: "ok 0" });
  });

  it("stays up for a path that does not decode, and answers it", async () => {
    reached.length = 0;
    expect(await raw("GET /%E0%A4%A")).toEqual({ status: 400, text: "Malformed path" });
    expect(reached).toEqual([]);
    expect(await raw("GET /app")).toEqual({ status: 200, text: "ok 0" });
  });

  it("refuses a body declared over the limit with 413, before the app reads it", async () => {
    reached.length = 0;
    const body = Buffer.alloc(MAX_REQUEST_BODY_BYTES + 1, 0x61);
    const answer = await raw("POST /webhooks/orders/create", body).catch(() => ({ status: 413, text: "closed" }));
    expect(answer.status).toBe(413);
    expect(reached).toEqual([]);
  });

  it("cuts off a streamed body once it passes the limit, whatever it declared", async () => {
    reached.length = 0;
    let sent = 0;
    async function* endless(): AsyncIterable<Buffer> {
      const chunk = Buffer.alloc(256 * 1024, 0x61);
      while (sent < 64 * MAX_REQUEST_BODY_BYTES) {
        sent += chunk.byteLength;
        yield chunk;
      }
    }
    const answer = await raw("POST /webhooks/orders/create", endless()).catch(() => ({ status: 413, text: "closed" }));
    expect(answer.status).toBe(413);
    expect(reached).toEqual([]);
    expect(sent).toBeLessThan(4 * MAX_REQUEST_BODY_BYTES);
    // And the server still answers.
    expect(await raw("POST /app", Buffer.from("a=1"))).toEqual({ status: 200, text: "ok 3" });
  });
});
