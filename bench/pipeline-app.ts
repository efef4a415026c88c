import http from "node:http";
import { TEST_APP } from "../tests/support/shopify-app";

export interface WebhookListener {
  url: string;
  close(): Promise<void>;
}

/**
 * The app's HTTP front for an emulator in another process: each webhook it delivers becomes a
 * Fetch request at the app's public URL, handed to `deliver` (the app's route actions).
 */
export async function listenForWebhooks(deliver: (request: Request) => Promise<Response>): Promise<WebhookListener> {
  const server = http.createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(incoming.headers)) {
        if (typeof value === "string") headers.set(name, value);
      }
      const request = new Request(`${TEST_APP.appUrl}${incoming.url ?? "/"}`, {
        method: incoming.method ?? "POST",
        headers,
        body: Buffer.concat(chunks),
      });
      deliver(request).then(
        (response) => outgoing.writeHead(response.status).end(),
        (error: unknown) => {
          console.error("webhook delivery failed:", error);
          outgoing.writeHead(500).end();
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The emulator answers the bulk mutation at once and builds the result in the background, as
 * Shopify does (decision 032); building national's 640,000 lines still occupies its one process,
 * so a poll sent meanwhile on a loaded machine can wait longer than the app's usual 15 s.
 */
const BULK_MUTATION_PATIENCE_MS = 180_000;

/**
 * The shop's full inventory sync, run here with quick polls, and retried as its job would be when
 * an attempt fails (a busy machine can outlast one attempt's patience). Import only after the
 * app's environment is set.
 */
export async function runFullSyncAsItsJobWould(shop: string, attempts = 10): Promise<void> {
  const fullSync = await import("~/services/inventory/full-sync.server");
  const { adminClientForShop } = await import("~/shopify/admin-client-for-shop.server");
  for (let attempt = 1; ; attempt += 1) {
    try {
      await fullSync.runInventoryFullSync(shop, {
        ...fullSync.defaultFullSyncDependencies(shop),
        admin: adminClientForShop(shop, { timeoutMs: BULK_MUTATION_PATIENCE_MS }),
        pollIntervalMs: 10,
      });
      return;
    } catch (error) {
      if (attempt === attempts) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      console.log(`full sync: attempt ${attempt} failed (${reason.slice(0, 160)}); retrying as its job would`);
    }
  }
}
