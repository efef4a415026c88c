import http from "node:http";

/** What a stand-in's page server answers to one request. */
export interface StandInAnswer {
  status: number;
  type: string;
  body: string;
}

export interface RunningStandInServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a demo stand-in's pages and endpoints on 127.0.0.1: `answer` decides each reply, a
 * failure in it is a 500 with its message (the demo shows it), and nothing is cached.
 */
export async function serveStandIn(
  port: number,
  answer: (request: http.IncomingMessage) => Promise<StandInAnswer>,
): Promise<RunningStandInServer> {
  const server = http.createServer((request, response) => {
    answer(request)
      .catch((error: unknown) => ({
        status: 500,
        type: "text/plain",
        body: error instanceof Error ? error.message : String(error),
      }))
      .then(({ status, type, body }) => {
        response.writeHead(status, { "content-type": type, "cache-control": "no-cache" });
        response.end(body);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const boundPort = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${boundPort}/`,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
