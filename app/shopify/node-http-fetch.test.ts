import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { nodeHttpFetch } from "./node-http-fetch.server";

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A local server answering each request with `answer`; returns its origin, what it received and its connections. */
async function serve(answer: (request: Received, response: http.ServerResponse) => void) {
  const received: Received[] = [];
  let connections = 0;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const seen = {
        method: request.method ?? "",
        url: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      received.push(seen);
      answer(seen, response);
    });
  });
  server.on("connection", () => (connections += 1));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, received, connections: () => connections };
}

describe("the Shopify library's fetch over node's HTTP client", () => {
  it("sends the method, headers and body, and answers a standard Response with the status, headers and body", async () => {
    const server = await serve((_, response) => {
      response.writeHead(201, "Created", { "Content-Type": "application/json", "X-Request-Id": "abc" });
      response.end(JSON.stringify({ data: { shop: { name: "Windy City" } } }));
    });

    const answer = await nodeHttpFetch(`${server.origin}/admin/api/2026-04/graphql.json?x=1`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": "shpat_1" },
      body: JSON.stringify({ query: "{ shop { name } }" }),
    });

    expect(answer).toBeInstanceOf(Response);
    expect([answer.status, answer.statusText, answer.ok]).toEqual([201, "Created", true]);
    expect(answer.headers.get("x-request-id")).toBe("abc");
    expect(await answer.json()).toEqual({ data: { shop: { name: "Windy City" } } });
    expect(server.received).toMatchObject([
      {
        method: "POST",
        url: "/admin/api/2026-04/graphql.json?x=1",
        headers: { "content-type": "application/json", "x-shopify-access-token": "shpat_1", "content-length": "29" },
        body: '{"query":"{ shop { name } }"}',
      },
    ]);
  });

  it("keeps the connection alive: requests one after another share one socket", async () => {
    const server = await serve((_, response) => response.end("ok"));

    for (let i = 0; i < 5; i++) expect(await (await nodeHttpFetch(`${server.origin}/ping`)).text()).toBe("ok");

    expect(server.connections()).toBe(1);
  });

  it("answers an error status as a Response, and a 204 with no body", async () => {
    const server = await serve((request, response) => {
      response.statusCode = request.url === "/empty" ? 204 : 503;
      response.end(request.url === "/empty" ? undefined : "try later");
    });

    const failed = await nodeHttpFetch(`${server.origin}/busy`);
    const empty = await nodeHttpFetch(`${server.origin}/empty`);

    expect([failed.status, failed.ok, await failed.text()]).toEqual([503, false, "try later"]);
    expect([empty.status, empty.body]).toEqual([204, null]);
  });

  it("follows redirects as fetch does: a 303 after a POST becomes a GET without a body, a 307 keeps both", async () => {
    const server = await serve((request, response) => {
      if (request.url === "/see-other") response.writeHead(303, { Location: "/landed" }).end();
      else if (request.url === "/temporary") response.writeHead(307, { Location: "/landed" }).end();
      else response.end(`${request.method} ${request.body}`);
    });

    const seeOther = await nodeHttpFetch(`${server.origin}/see-other`, { method: "POST", body: "payload" });
    const temporary = await nodeHttpFetch(`${server.origin}/temporary`, { method: "POST", body: "payload" });
    const manual = await nodeHttpFetch(`${server.origin}/see-other`, { method: "POST", body: "x", redirect: "manual" });

    expect(await seeOther.text()).toBe("GET ");
    expect(await temporary.text()).toBe("POST payload");
    expect([manual.status, manual.headers.get("location")]).toEqual([303, "/landed"]);
  });

  it("decodes a gzip body", async () => {
    const server = await serve((_, response) => {
      response.writeHead(200, { "Content-Encoding": "gzip" }).end(zlib.gzipSync('{"compressed":true}'));
    });

    expect(await (await nodeHttpFetch(server.origin)).json()).toEqual({ compressed: true });
  });

  it("rejects when its signal aborts while the answer is awaited, or before it is sent", async () => {
    const server = await serve(() => undefined); // never answers

    const controller = new AbortController();
    const pending = nodeHttpFetch(`${server.origin}/slow`, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("timed out")), 50);
    const already = AbortSignal.abort(new Error("gave up"));

    await expect(pending).rejects.toThrow();
    await expect(nodeHttpFetch(`${server.origin}/slow`, { signal: already })).rejects.toThrow("gave up");
  });

  it("refuses a URL that is not http or https", async () => {
    await expect(nodeHttpFetch("ftp://example.com/file")).rejects.toThrow("cannot reach a ftp: URL");
  });
});
