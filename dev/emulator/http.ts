import type http from "node:http";
import type { EmulatorRequest, EmulatorResponse } from "./vendors/http-types";

/** Reads a whole request body as UTF-8 text, refusing bodies over `limit` bytes. */
export function readBody(request: http.IncomingMessage, limit = 10 * 1024 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error("request body too large"));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

export async function toEmulatorRequest(request: http.IncomingMessage): Promise<EmulatorRequest> {
  const url = new URL(request.url ?? "/", "http://emulator.local");
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return {
    method: request.method ?? "GET",
    path: url.pathname,
    query: url.searchParams,
    headers,
    body: await readBody(request),
  };
}

export function send(
  response: http.ServerResponse,
  reply: EmulatorResponse,
  extraHeaders: Record<string, string> = {},
): void {
  response.writeHead(reply.status, { ...reply.headers, ...extraHeaders });
  response.end(reply.body);
}
