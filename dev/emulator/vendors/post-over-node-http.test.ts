import http from "node:http";
import { type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startLoopbackServer, type LoopbackServer } from "./loopback-test-server";
import { postCallback } from "./post-callback";
import { postOverNodeHttp } from "./post-over-node-http";

let server: LoopbackServer | null = null;
let slowServer: http.Server | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
  slowServer?.closeAllConnections();
  await new Promise<void>((resolve) => (slowServer ? slowServer.close(() => resolve()) : resolve()));
  slowServer = null;
});

describe("posting a callback over node's HTTP client", () => {
  it("sends the method, headers and body as given and returns the receiver's status and body", async () => {
    server = await startLoopbackServer(() => ({ status: 202, headers: {}, body: "accepted ✓" }));
    const body = JSON.stringify({ id: 7, note: "café" });
    const outcome = await postCallback(postOverNodeHttp, `${server.url}/webhooks/orders?x=1`, {
      headers: { "Content-Type": "application/json", "X-Shopify-Topic": "orders/create" },
      body,
      timeoutMs: 2_000,
    });

    expect(outcome).toMatchObject({ status: 202, responseBody: "accepted ✓" });
    expect(server.received).toHaveLength(1);
    const [request] = server.received;
    expect(request).toMatchObject({ method: "POST", url: "/webhooks/orders?x=1", body });
    expect(request!.headers).toMatchObject({
      "content-type": "application/json",
      "x-shopify-topic": "orders/create",
      "content-length": String(Buffer.byteLength(body)),
    });
  });

  it("answers a redirect with the redirect itself, as fetch with redirect: manual does", async () => {
    server = await startLoopbackServer(() => ({ status: 302, headers: { location: "/elsewhere" }, body: "" }));
    const outcome = await postCallback(postOverNodeHttp, `${server.url}/hook`, {
      headers: {},
      body: "{}",
      timeoutMs: 2_000,
    });

    expect(outcome.status).toBe(302);
    expect(server.received.map((request) => request.url)).toEqual(["/hook"]);
  });

  it("reuses one kept-alive connection for callbacks sent one after another", async () => {
    const ports = new Set<number>();
    slowServer = http.createServer((request, response) => {
      ports.add(request.socket.remotePort ?? 0);
      request.resume();
      request.on("end", () => response.end("ok"));
    });
    await new Promise<void>((resolve) => slowServer!.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(slowServer.address() as AddressInfo).port}/hook`;
    for (let sent = 0; sent < 3; sent++) {
      expect((await postCallback(postOverNodeHttp, url, { headers: {}, body: "{}", timeoutMs: 2_000 })).status).toBe(
        200,
      );
    }

    expect(ports.size).toBe(1);
  });

  it("records a receiver slower than the timeout as a timeout, whether it has started answering or not", async () => {
    slowServer = http.createServer((request, response) => {
      if (request.url === "/half") response.write("partial");
      // Neither answer ends: the receiver hangs.
    });
    await new Promise<void>((resolve) => slowServer!.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(slowServer.address() as AddressInfo).port}`;

    for (const path of ["/silent", "/half"]) {
      const outcome = await postCallback(postOverNodeHttp, `${base}${path}`, {
        headers: {},
        body: "{}",
        timeoutMs: 50,
      });
      expect(outcome).toMatchObject({ status: "timeout", responseBody: "" });
    }
  });

  it("records a receiver nobody listens on as a network error", async () => {
    server = await startLoopbackServer();
    const closedUrl = server.url;
    await server.close();
    server = null;

    const outcome = await postCallback(postOverNodeHttp, `${closedUrl}/hook`, {
      headers: {},
      body: "{}",
      timeoutMs: 2_000,
    });
    expect(outcome.status).toBe("network-error");
  });
});
