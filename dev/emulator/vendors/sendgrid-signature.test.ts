import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateSendgridSigningKeys, signSendgridPayload, verifySendgridSignature } from "./sendgrid-signature";

describe("SendGrid event webhook signature", () => {
  const keys = generateSendgridSigningKeys();
  const payload = JSON.stringify([{ email: "a@example.com", event: "processed", timestamp: 1_800_000_000 }]);
  const timestamp = "1800000000";

  it("publishes the key as base64 DER SubjectPublicKeyInfo on P-256", () => {
    const key = crypto.createPublicKey({ key: Buffer.from(keys.publicKey, "base64"), format: "der", type: "spki" });
    expect(key.asymmetricKeyType).toBe("ec");
    expect(key.asymmetricKeyDetails?.namedCurve).toBe("prime256v1");
  });

  it("verifies its own signature over timestamp + payload", () => {
    const signature = signSendgridPayload(keys.privateKey, payload, timestamp);
    expect(verifySendgridSignature(keys.publicKey, payload, signature, timestamp)).toBe(true);
  });

  it("is a DER ECDSA signature that node:crypto verifies with SendGrid's documented recipe", () => {
    const signature = signSendgridPayload(keys.privateKey, payload, timestamp);
    const pem = `-----BEGIN PUBLIC KEY-----\n${keys.publicKey}\n-----END PUBLIC KEY-----`;
    const verifier = crypto.createVerify("sha256");
    verifier.update(timestamp + payload);
    expect(verifier.verify(pem, Buffer.from(signature, "base64"))).toBe(true);
  });

  it("rejects a changed payload, a changed timestamp, another key or garbage", () => {
    const signature = signSendgridPayload(keys.privateKey, payload, timestamp);
    expect(
      verifySendgridSignature(keys.publicKey, payload.replace("processed", "delivered"), signature, timestamp),
    ).toBe(false);
    expect(verifySendgridSignature(keys.publicKey, payload, signature, "1800000001")).toBe(false);
    expect(verifySendgridSignature(generateSendgridSigningKeys().publicKey, payload, signature, timestamp)).toBe(false);
    expect(verifySendgridSignature("not a key", payload, signature, timestamp)).toBe(false);
  });
});
