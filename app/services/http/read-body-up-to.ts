export type BodyRead =
  | { kind: "READ"; bytes: Buffer }
  | { kind: "TOO_LARGE" }
  /** The stream broke, or was already read. */
  | { kind: "UNREADABLE" };

/**
 * The request's raw bytes, read no further than `maxBytes`: a signature covers the bytes exactly
 * as sent, and a body too large for any real batch is refused before it is all in memory.
 */
export async function readBodyUpTo(request: Request, maxBytes: number): Promise<BodyRead> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return { kind: "TOO_LARGE" };
  if (!request.body) return { kind: "READ", bytes: Buffer.alloc(0) };
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return { kind: "TOO_LARGE" };
      }
      chunks.push(value);
    }
  } catch {
    return { kind: "UNREADABLE" };
  }
  return { kind: "READ", bytes: Buffer.concat(chunks) };
}
