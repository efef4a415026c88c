import { describe, expect, it } from "vitest";
import { type EmulatorRequest } from "./http-types";
import { PushSandbox } from "./push";

const APP_ID = "5eb5a37e-b458-11e3-ac11-000c2940e62c";
const REST_API_KEY = "push-rest-api-key";

function notification(
  body: unknown,
  authorization = `Key ${REST_API_KEY}`,
  path = "/api/v1/notifications",
): EmulatorRequest {
  return {
    method: "POST",
    path,
    query: new URLSearchParams(),
    headers: { "content-type": "application/json", authorization },
    body: typeof body === "string" ? body : JSON.stringify(body),
  };
}

function reminder(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    app_id: APP_ID,
    include_aliases: { external_id: ["customer-42"] },
    target_channel: "push",
    headings: { en: "Your order is waiting" },
    contents: { en: "Order #1001 is ready for pickup at North Store." },
    url: "https://north-store.example/orders/1001",
    data: { orderId: "1001" },
    ...overrides,
  };
}

describe("PushSandbox", () => {
  it("creates a notification and answers 200 with its id", async () => {
    const push = new PushSandbox({
      appId: APP_ID,
      restApiKey: REST_API_KEY,
      now: () => new Date("2026-11-27T12:00:00Z"),
    });
    const response = await push.handle(notification(reminder()));

    expect(response.status).toBe(200);
    const body = JSON.parse(response.body) as { id: string; external_id: null };
    expect(body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), external_id: null });
    expect(push.outbox()).toEqual([
      {
        channel: "push",
        id: body.id,
        to: "customer-42",
        subject: "Your order is waiting",
        body: "Order #1001 is ready for pickup at North Store.",
        at: new Date("2026-11-27T12:00:00Z"),
        status: "sent",
        raw: reminder(),
      },
    ]);
    expect(push.list()[0]).toMatchObject({ url: "https://north-store.example/orders/1001", data: { orderId: "1001" } });
  });

  it("accepts the older Basic scheme, the legacy include_external_user_ids and the current /notifications path", async () => {
    const push = new PushSandbox({ appId: APP_ID, restApiKey: REST_API_KEY });
    const legacy = reminder({ include_aliases: undefined, include_external_user_ids: ["customer-7"] });
    const response = await push.handle(notification(legacy, `Basic ${REST_API_KEY}`, "/notifications"));

    expect(response.status).toBe(200);
    expect(push.list()[0]?.externalIds).toEqual(["customer-7"]);
  });

  it("refuses a wrong or missing key with 403", async () => {
    const push = new PushSandbox({ appId: APP_ID, restApiKey: REST_API_KEY });
    for (const authorization of ["Key wrong", ""]) {
      const response = await push.handle(notification(reminder(), authorization));
      expect(response.status).toBe(403);
      expect(JSON.parse(response.body)).toEqual({ errors: [expect.stringContaining("Access denied")] });
    }
    expect(push.list()).toEqual([]);
  });

  it.each([
    ["another app's id", { app_id: "00000000-0000-0000-0000-000000000000" }, "app_id not found"],
    ["no English contents", { contents: { fr: "Bonjour" } }, "must have English language content"],
    ["no recipients", { include_aliases: { external_id: [] } }, "You must include which players"],
  ])("answers 400 with OneSignal's errors array for %s", async (_case, overrides, message) => {
    const push = new PushSandbox({ appId: APP_ID, restApiKey: REST_API_KEY });
    const response = await push.handle(notification(reminder(overrides)));

    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toEqual({ errors: [expect.stringContaining(message)] });
    expect(push.list()).toEqual([]);
  });

  it("answers malformed JSON with 400", async () => {
    const response = await new PushSandbox({ appId: APP_ID, restApiKey: REST_API_KEY }).handle(notification("{"));
    expect(response.status).toBe(400);
  });

  it("names recipients without a subscribed device in invalid_aliases, and creates nothing when none has one", async () => {
    const push = new PushSandbox({ appId: APP_ID, restApiKey: REST_API_KEY, subscribedExternalIds: ["customer-42"] });

    const partial = await push.handle(
      notification(reminder({ include_aliases: { external_id: ["customer-42", "customer-9"] } })),
    );
    const none = await push.handle(notification(reminder({ include_aliases: { external_id: ["customer-9"] } })));

    expect(JSON.parse(partial.body)).toMatchObject({ errors: { invalid_aliases: { external_id: ["customer-9"] } } });
    expect(JSON.parse(none.body)).toEqual({
      id: "",
      external_id: null,
      errors: { invalid_aliases: { external_id: ["customer-9"] } },
    });
    expect(push.outbox().map((record) => record.to)).toEqual(["customer-42"]);
  });

  // https://documentation.onesignal.com/reference/idempotent-notification-requests: "As long as the
  // idempotency_key is the same in each request, only 1 notification will be delivered", the repeat
  // "returns the result of the previous operation", and the key "is only idempotent for 30 days".
  describe("idempotency_key", () => {
    const KEY = "2f6c1b1e-8d0a-4f7e-9c3b-5a1d2e3f4a5b";

    it("answers a repeated key with the first answer and sends nothing twice", async () => {
      const push = new PushSandbox({ appId: APP_ID, restApiKey: REST_API_KEY });
      const first = await push.handle(notification(reminder({ idempotency_key: KEY })));
      const again = await push.handle(notification(reminder({ idempotency_key: KEY, contents: { en: "Changed" } })));

      expect(first.status).toBe(200);
      expect(JSON.parse(again.body)).toEqual(JSON.parse(first.body));
      expect(JSON.parse(first.body)).toMatchObject({ external_id: KEY });
      expect(push.list()).toHaveLength(1);
      expect(push.list()[0]?.contents).toBe("Order #1001 is ready for pickup at North Store.");
    });

    it("takes the former name, external_id, the same way", async () => {
      const push = new PushSandbox({ appId: APP_ID, restApiKey: REST_API_KEY });
      await push.handle(notification(reminder({ external_id: KEY })));
      await push.handle(notification(reminder({ idempotency_key: KEY })));
      expect(push.list()).toHaveLength(1);
    });

    it("sends a different key, and the same key after 30 days, as new notifications", async () => {
      let now = new Date("2026-11-01T12:00:00Z");
      const push = new PushSandbox({ appId: APP_ID, restApiKey: REST_API_KEY, now: () => now });
      await push.handle(notification(reminder({ idempotency_key: KEY })));
      await push.handle(notification(reminder({ idempotency_key: "9b2e4c6d-1a3f-4b5c-8d7e-0f1a2b3c4d5e" })));
      now = new Date("2026-12-01T12:00:01Z");
      await push.handle(notification(reminder({ idempotency_key: KEY })));
      expect(push.list()).toHaveLength(3);
    });

    it("keeps no key whose request created nothing (no subscribed device): it may be used again", async () => {
      const push = new PushSandbox({ appId: APP_ID, restApiKey: REST_API_KEY, subscribedExternalIds: [] });
      const first = await push.handle(notification(reminder({ idempotency_key: KEY })));
      push.setSubscribedExternalIds(undefined);
      const again = await push.handle(notification(reminder({ idempotency_key: KEY })));
      expect(JSON.parse(first.body)).toMatchObject({ id: "" });
      expect(JSON.parse(again.body)).toMatchObject({ id: push.list()[0]?.id });
      expect(push.list()).toHaveLength(1);
    });

    it("refuses a key that is not a UUID, and an unknown target_channel, with 400", async () => {
      const push = new PushSandbox({ appId: APP_ID, restApiKey: REST_API_KEY });
      const badKey = await push.handle(notification(reminder({ idempotency_key: "notification-1" })));
      const badChannel = await push.handle(notification(reminder({ target_channel: "pigeon" })));
      expect([badKey.status, badChannel.status]).toEqual([400, 400]);
      expect(push.list()).toEqual([]);
    });
  });
});
