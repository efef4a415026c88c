import { afterEach, describe, expect, it } from "vitest";
import { startLoopbackServer, type LoopbackServer } from "../../../dev/emulator/vendors/loopback-test-server";
import { PushSandbox } from "../../../dev/emulator/vendors/push";
import { createOneSignalClient, type OneSignalPush } from "./onesignal-push.server";

const account = { appId: "5eb5a37e-b458-11e3-ac11-000c2940e62c", restApiKey: "shop-push-key" };
const push: OneSignalPush = {
  externalId: "7200000000042",
  heading: "North Store",
  body: "Your order #1042 is waiting for you at North Store.",
  url: "https://app.example/pass/abc",
  idempotencyKey: "2f6c1b1e-8d0a-4f7e-9c3b-5a1d2e3f4a5b",
};

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The sandbox over HTTP; `failWith` may replace its answer (the sandbox did its work, the answer was lost). */
async function sandboxBehind(sandbox: PushSandbox, failWith: () => number | undefined = () => undefined) {
  server = await startLoopbackServer(async (request) => {
    const response = await sandbox.handle(request);
    const status = failWith();
    return status === undefined ? response : { ...response, status, body: "" };
  });
  return createOneSignalClient({ apiUrl: server.url, timeoutMs: 2_000 });
}

describe("OneSignal push adapter", () => {
  it("creates the notification for the shopper's external id, on the push channel, with the idempotency key", async () => {
    const sandbox = new PushSandbox(account);
    const client = await sandboxBehind(sandbox);

    const outcome = await client.send(account, push);

    const [sent] = sandbox.list();
    expect(outcome).toEqual({ kind: "SENT", id: sent?.id });
    expect(server?.received[0]).toMatchObject({
      method: "POST",
      url: "/notifications",
      headers: { authorization: "Key shop-push-key" },
    });
    expect(sent?.request).toEqual({
      app_id: account.appId,
      include_aliases: { external_id: ["7200000000042"] },
      target_channel: "push",
      headings: { en: "North Store" },
      contents: { en: "Your order #1042 is waiting for you at North Store." },
      url: "https://app.example/pass/abc",
      idempotency_key: push.idempotencyKey,
    });
  });

  it("sends nothing twice when a push whose answer was lost goes again with the same key", async () => {
    const sandbox = new PushSandbox(account);
    let answers = 0;
    const client = await sandboxBehind(sandbox, () => (answers++ === 0 ? 502 : undefined));

    const lost = await client.send(account, push);
    const again = await client.send(account, push);

    expect(lost).toMatchObject({ kind: "UNKNOWN" });
    expect(again).toEqual({ kind: "SENT", id: sandbox.list()[0]?.id });
    expect(sandbox.list()).toHaveLength(1);
  });

  it("tells a shopper without a subscribed device apart from a refusal", async () => {
    const client = await sandboxBehind(new PushSandbox({ ...account, subscribedExternalIds: [] }));
    expect(await client.send(account, push)).toEqual({
      kind: "NO_SUBSCRIBED_DEVICE",
      message: expect.stringContaining("no device subscribed"),
    });
  });

  it("reports a wrong key or app id as REFUSED in OneSignal's words", async () => {
    const client = await sandboxBehind(new PushSandbox(account));
    expect(await client.send({ ...account, restApiKey: "wrong" }, push)).toEqual({
      kind: "REFUSED",
      status: 403,
      message: expect.stringContaining("Access denied"),
    });
    expect(await client.send({ ...account, appId: "00000000-0000-4000-8000-000000000000" }, push)).toEqual({
      kind: "REFUSED",
      status: 400,
      message: expect.stringContaining("app_id not found"),
    });
  });

  it("takes a 5xx, a 429, a timeout and an unreachable host as UNKNOWN, never throwing", async () => {
    for (const status of [500, 429]) {
      const client = await sandboxBehind(new PushSandbox(account), () => status);
      expect((await client.send(account, push)).kind).toBe("UNKNOWN");
      await server?.close();
      server = undefined;
    }
    server = await startLoopbackServer(() => new Promise(() => {}));
    const slow = await createOneSignalClient({ apiUrl: server.url, timeoutMs: 50 }).send(account, push);
    expect(slow).toEqual({ kind: "UNKNOWN", message: "OneSignal did not answer within 0.05 s" });
    const unreachable = await createOneSignalClient({ apiUrl: "http://127.0.0.1:1" }).send(account, push);
    expect(unreachable).toMatchObject({ kind: "UNKNOWN", message: expect.stringContaining("could not be reached") });
  });
});
