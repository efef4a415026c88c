import { type FetchFunction } from "./http-types";

export type CallbackOutcome = {
  /** The HTTP status the receiver answered, or why there was none. */
  status: number | "network-error" | "timeout";
  responseBody: string;
  durationMs: number;
};

/**
 * POSTs a callback the way a vendor does: one attempt, bounded by `timeoutMs`, never throwing —
 * an unreachable or slow receiver is an outcome to record, not an error in the emulator.
 */
export async function postCallback(
  fetchFunction: FetchFunction,
  url: string,
  init: { headers: Record<string, string>; body: string; timeoutMs: number },
): Promise<CallbackOutcome> {
  const started = performance.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), init.timeoutMs);
  try {
    const response = await fetchFunction(url, {
      method: "POST",
      headers: init.headers,
      body: init.body,
      signal: controller.signal,
      redirect: "manual",
    });
    const responseBody = await response.text();
    return { status: response.status, responseBody, durationMs: performance.now() - started };
  } catch {
    const status = controller.signal.aborted ? "timeout" : "network-error";
    return { status, responseBody: "", durationMs: performance.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

export function isSuccess(status: CallbackOutcome["status"]): boolean {
  return typeof status === "number" && status >= 200 && status < 300;
}
