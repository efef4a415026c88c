/** What the app answered: its status and its JSON body (null when the body is not JSON). */
export interface AppAnswer {
  status: number;
  body: unknown;
}

/**
 * POSTs `body` to one of the app's APIs with the page's session token, giving up after
 * `timeoutMs` or when `signal` aborts. Null when no answer came: no network, a timeout, an
 * abort, or a session token that failed or never came.
 */
export async function postToApp(
  url: string,
  body: unknown,
  sessionToken: () => Promise<string>,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<AppAnswer | null> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  if (signal.aborted) return null;
  signal.addEventListener("abort", abort);
  const timer = setTimeout(abort, timeoutMs);
  const abandoned = new Promise<null>((resolve) => controller.signal.addEventListener("abort", () => resolve(null)));
  const asked = (async (): Promise<AppAnswer> => {
    const token = await sessionToken();
    const response = await fetch(url, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
      signal: controller.signal,
    });
    const json: unknown = await response.json().catch(() => null);
    return { status: response.status, body: json };
  })().catch(() => null);
  try {
    // The race also ends a session token that never comes, which no fetch signal would.
    return await Promise.race([asked, abandoned]);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener("abort", abort);
  }
}
