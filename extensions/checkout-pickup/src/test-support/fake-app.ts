/**
 * What the extension's fake app servers share (availability-server.ts, pickup-pass-server.ts):
 * the request as the test reads it back, and the ways the app may reply — an answer, no network,
 * no answer until the request is aborted, or an answer that comes late whatever happened.
 */

export interface AskedRequest {
  url: string;
  method: string;
  authorization: string | null;
  body: unknown;
  signal: AbortSignal | null;
}

export type Reply =
  | { kind: "answer"; status: number; body: unknown }
  | { kind: "unreachable" }
  /** No answer: the request stays open until it is aborted, as a stalled connection does. */
  | { kind: "stall" }
  /** An answer after `afterMs`, whether or not the request was aborted by then. */
  | { kind: "late"; afterMs: number; body: unknown };

export function askedRequest(input: string | URL | Request, init?: RequestInit): AskedRequest {
  return {
    url: String(input instanceof Request ? input.url : input),
    method: init?.method ?? "GET",
    authorization: new Headers(init?.headers).get("Authorization"),
    body: typeof init?.body === "string" ? JSON.parse(init.body) : null,
    signal: init?.signal ?? null,
  };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

/** The fetch outcome of `reply` to a request that `signal` may abort. */
export async function replyWith(reply: Reply, signal: AbortSignal | null): Promise<Response> {
  switch (reply.kind) {
    case "unreachable":
      throw new TypeError("Failed to fetch");
    case "stall":
      return new Promise((_resolve, reject) => {
        signal?.addEventListener("abort", () => reject(new DOMException("The operation was aborted.", "AbortError")));
      });
    case "late":
      return new Promise((resolve) => setTimeout(() => resolve(json(reply.body)), reply.afterMs));
    case "answer":
      return json(reply.body, reply.status);
  }
}
