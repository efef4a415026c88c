// @vitest-environment jsdom
import { getExtension } from "@shopify/ui-extensions-tester";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { callPosApi, PosApiError } from "./client";

const extension = getExtension("pos.home.modal.render");

beforeEach(() => extension.setUp());
afterEach(() => extension.tearDown());

function answering(status: number, body: unknown) {
  extension.fetch = async () => new Response(body === undefined ? "" : JSON.stringify(body), { status });
}

async function failure(request: Promise<unknown>): Promise<PosApiError> {
  const error = await request.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof PosApiError)) throw new Error(`expected a PosApiError, got ${String(error)}`);
  return error;
}

describe("calling the POS API", () => {
  it("sends the session token and the device's location on a relative URL", async () => {
    let seen: { url: string; init?: RequestInit } | undefined;
    extension.shopify.session.currentSession.locationId = 77;
    extension.fetch = async (url, init) => {
      seen = { url: String(url), init };
      return new Response(JSON.stringify({ ok: true }));
    };

    await callPosApi("POST", "tasks/t%201/scan", { view: "READY", absent: undefined }, { code: "1" });

    expect(seen?.url).toBe("/api/pos/tasks/t%201/scan?locationId=77&view=READY");
    expect(new Headers(seen?.init?.headers).get("Authorization")).toBe("Bearer mock-session-token");
    expect(seen?.init?.body).toBe('{"code":"1"}');
  });

  it("passes the server's code and sentence on, a decision not worth resending", async () => {
    answering(409, { code: "WRONG_ITEM", message: "That's Linen tea towel: it is not on this order", field: "code" });

    const error = await failure(callPosApi("POST", "tasks/t1/scan"));

    expect([error.code, error.message, error.status, error.field]).toEqual([
      "WRONG_ITEM",
      "That's Linen tea towel: it is not on this order",
      409,
      "code",
    ]);
    expect(error.worthRetrying).toBe(false);
  });

  it("asks to sign in again on a 401 or when POS has no token for this user", async () => {
    answering(401, undefined);
    const refused = await failure(callPosApi("GET", "queue"));
    expect([refused.signInAgain, refused.worthRetrying]).toEqual([true, true]);

    extension.shopify.session.getSessionToken = async () => undefined;
    const noToken = await failure(callPosApi("GET", "queue"));
    expect(noToken.message).toBe("Sign in again: Omniroute could not confirm your POS login.");
  });

  it("keeps a server failure or a lost answer worth resending", async () => {
    answering(503, undefined);
    const failed = await failure(callPosApi("GET", "queue"));
    expect([failed.message, failed.worthRetrying]).toEqual([
      "Omniroute had a problem (503). Try again in a moment.",
      true,
    ]);

    extension.fetch = async () => {
      throw new TypeError("Failed to fetch");
    };
    const lost = await failure(callPosApi("GET", "queue"));
    expect([lost.code, lost.status, lost.worthRetrying]).toEqual(["UNREACHABLE", null, true]);
  });
});
