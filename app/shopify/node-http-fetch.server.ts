import http from "node:http";
import https from "node:https";
import zlib from "node:zlib";

/**
 * Kept-alive connections per protocol: a worker's Admin API calls to a shop reuse their sockets.
 * The library's own `fetch` (undici) keeps them alive too; what it costs more is per request.
 */
const agents = {
  "http:": new http.Agent({ keepAlive: true }),
  "https:": new https.Agent({ keepAlive: true }),
};

/** Statuses whose response has no body (the Fetch standard's null body statuses). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 20;

type FetchInput = Parameters<typeof fetch>[0];
type FetchInit = Parameters<typeof fetch>[1];

/**
 * `fetch` for the Shopify library's requests (Admin GraphQL, token exchange), over node's own
 * HTTP client (decision 049). The library builds and reads standard Requests and Responses; this
 * sends the same request and answers a standard Response, for less CPU: a profile of the pipeline
 * bench put undici's `fetch` (its Request and stream machinery, its WebAssembly HTTP parser) at
 * about a fifth of the routing worker's busy time at 20 orders a second.
 *
 * As `fetch` does, it follows redirects (a 301, 302 or 303 after a POST becomes a GET without a
 * body), honours `init.signal`, and decodes a gzip, deflate or br body. It sends no
 * Accept-Encoding of its own, so Shopify answers uncompressed.
 */
export async function nodeHttpFetch(input: FetchInput, init: FetchInit = {}): Promise<Response> {
  let url = new URL(input instanceof Request ? input.url : input.toString());
  let method = (init.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
  const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
  let body = await bodyBytes(init.body ?? null);
  for (let redirects = 0; ; redirects++) {
    const answer = await send(url, method, headers, body, init.signal ?? null);
    const location = answer.headers.get("location");
    if (!REDIRECT_STATUSES.has(answer.status) || location === null || init.redirect === "manual") {
      return answer;
    }
    if (init.redirect === "error") throw new TypeError(`fetch to ${url.href} was redirected`);
    if (redirects >= MAX_REDIRECTS) throw new TypeError(`fetch to ${url.href}: too many redirects`);
    url = new URL(location, url);
    if (answer.status === 303 || ((answer.status === 301 || answer.status === 302) && method === "POST")) {
      method = method === "HEAD" ? "HEAD" : "GET";
      body = null;
      headers.delete("content-type");
      headers.delete("content-length");
    }
  }
}

async function bodyBytes(body: NonNullable<FetchInit>["body"] | null): Promise<Buffer | null> {
  if (body === null || body === undefined) return null;
  if (typeof body === "string") return Buffer.from(body, "utf8");
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  // Anything else (a form, a stream, a blob) as `fetch` itself would serialise it.
  return Buffer.from(await new Response(body).arrayBuffer());
}

function send(
  url: URL,
  method: string,
  headers: Headers,
  body: Buffer | null,
  signal: AbortSignal | null,
): Promise<Response> {
  const agent = url.protocol === "https:" ? agents["https:"] : url.protocol === "http:" ? agents["http:"] : null;
  if (agent === null) return Promise.reject(new TypeError(`fetch cannot reach a ${url.protocol} URL`));
  if (signal?.aborted) return Promise.reject(signal.reason);
  const outgoing: http.OutgoingHttpHeaders = Object.fromEntries(headers);
  if (body !== null) outgoing["content-length"] = String(body.byteLength);
  const request = url.protocol === "https:" ? https.request : http.request;
  return new Promise<Response>((resolve, reject) => {
    const sent = request(url, { method, headers: outgoing, agent, signal: signal ?? undefined }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      // An abort while the answer is arriving ends it with an error.
      incoming.on("error", reject);
      incoming.on("end", () => {
        try {
          resolve(responseOf(incoming, Buffer.concat(chunks)));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
    sent.on("error", reject);
    sent.end(body ?? undefined);
  });
}

function responseOf(incoming: http.IncomingMessage, raw: Buffer): Response {
  const status = incoming.statusCode ?? 0;
  const headers = new Headers();
  for (let i = 0; i + 1 < incoming.rawHeaders.length; i += 2) {
    headers.append(incoming.rawHeaders[i]!, incoming.rawHeaders[i + 1]!);
  }
  const bytes = NULL_BODY_STATUSES.has(status) ? null : decoded(raw, headers.get("content-encoding"));
  // A Buffer's memory is a plain ArrayBuffer (never shared): the body takes it without a copy.
  const body = bytes && new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);
  return new Response(body, { status, statusText: incoming.statusMessage ?? "", headers });
}

function decoded(raw: Buffer, encoding: string | null): Buffer {
  switch (encoding?.trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return zlib.gunzipSync(raw);
    case "deflate":
      return zlib.inflateSync(raw);
    case "br":
      return zlib.brotliDecompressSync(raw);
    default:
      return raw;
  }
}
