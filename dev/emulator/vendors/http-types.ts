/**
 * The shape every emulator handler speaks. The emulator's HTTP server turns a Node request into
 * an `EmulatorRequest`, calls a handler, and writes the `EmulatorResponse` back; handlers never
 * touch sockets, so tests can call them directly.
 */
export type EmulatorRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
};

export type EmulatorResponse = {
  status: number;
  headers: Record<string, string>;
  body: string;
};

/** What the emulator reads of a callback's answer: its status and body. */
export type CallbackResponse = Pick<Response, "status" | "text">;

/**
 * How the emulator POSTs callbacks: `fetch`'s shape, so tests can pass `fetch` itself or capture
 * what is sent; the default is `postOverNodeHttp`.
 */
export type FetchFunction = (input: string, init: RequestInit) => Promise<CallbackResponse>;

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): EmulatorResponse {
  return {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
    body: JSON.stringify(body),
  };
}

export function emptyResponse(status: number, headers: Record<string, string> = {}): EmulatorResponse {
  return { status, headers, body: "" };
}

/** Reads `Authorization: <scheme> <credentials>`; the scheme is matched case-insensitively, as HTTP says. */
export function authorizationCredentials(request: EmulatorRequest, scheme: string): string | undefined {
  const header = request.headers["authorization"];
  if (!header) return undefined;
  const separator = header.indexOf(" ");
  if (separator < 0) return undefined;
  if (header.slice(0, separator).toLowerCase() !== scheme.toLowerCase()) return undefined;
  return header.slice(separator + 1).trim();
}

/** Reads HTTP Basic credentials; `undefined` when absent or malformed. */
export function basicCredentials(request: EmulatorRequest): { username: string; password: string } | undefined {
  const encoded = authorizationCredentials(request, "Basic");
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const separator = decoded.indexOf(":");
  if (separator < 0) return undefined;
  return { username: decoded.slice(0, separator), password: decoded.slice(separator + 1) };
}

/** Parses a JSON body without throwing: vendors answer malformed JSON with a 400, never a 500. */
export function parseJsonBody(body: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    return { ok: false };
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
