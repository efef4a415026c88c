import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { buildSchema, graphql } from "graphql";

/**
 * A loopback stand-in for one shop's Admin GraphQL endpoint, for tests that need a few
 * answers before the full emulator (dev/emulator) exists. It executes documents against the
 * real pinned schema, so an invalid document fails as it would at Shopify, and checks the
 * access token.
 */
const SCHEMA = buildSchema(fs.readFileSync("shopify/admin-2026-04.graphql", "utf8"));

export interface AdminApiStub {
  url: string;
  requests: { shop: string | undefined; query: string }[];
  close(): Promise<void>;
}

export async function startAdminApiStub(options: {
  accessToken: string;
  rootValue: Record<string, unknown>;
}): Promise<AdminApiStub> {
  const requests: AdminApiStub["requests"] = [];
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      void (async () => {
        const reply = (status: number, payload: unknown) => {
          response.writeHead(status, { "Content-Type": "application/json" });
          response.end(JSON.stringify(payload));
        };
        if (!request.url?.endsWith("/graphql.json")) return reply(404, { errors: "Not Found" });
        if (request.headers["x-shopify-access-token"] !== options.accessToken) {
          return reply(401, { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" });
        }
        const { query, variables } = JSON.parse(body) as { query: string; variables?: Record<string, unknown> };
        const shop = request.headers["x-forwarded-host"];
        requests.push({ shop: Array.isArray(shop) ? shop[0] : shop, query });
        reply(
          200,
          await graphql({
            schema: SCHEMA,
            source: query,
            rootValue: options.rootValue,
            variableValues: variables ?? null,
          }),
        );
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
