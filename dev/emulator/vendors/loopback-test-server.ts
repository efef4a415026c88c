import http from "node:http";
import { type AddressInfo } from "node:net";
import { type EmulatorRequest, type EmulatorResponse } from "./http-types";

/**
 * Test support: real HTTP on 127.0.0.1, either to receive the callbacks a sandbox sends or to put
 * a sandbox's handler behind a socket so a vendor SDK can talk to it. The emulator's own server
 * replaces this outside tests.
 */
export type ReceivedRequest = {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
};

export type LoopbackServer = {
  url: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
};

type Handler = (request: EmulatorRequest) => Promise<EmulatorResponse> | EmulatorResponse;

export async function startLoopbackServer(handler: Handler = () => ({ status: 200, headers: {}, body: "" })) {
  const received: ReceivedRequest[] = [];
  const server = http.createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(incoming.headers)) {
        if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
      }
      const target = new URL(incoming.url ?? "/", "http://127.0.0.1");
      const request: EmulatorRequest = {
        method: incoming.method ?? "GET",
        path: target.pathname,
        query: target.searchParams,
        headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      received.push({ method: request.method, url: incoming.url ?? "/", headers, body: request.body });
      void Promise.resolve(handler(request)).then(
        (response) => {
          outgoing.writeHead(response.status, response.headers);
          outgoing.end(response.body);
        },
        () => {
          outgoing.writeHead(500);
          outgoing.end();
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const loopback: LoopbackServer = {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  return loopback;
}
