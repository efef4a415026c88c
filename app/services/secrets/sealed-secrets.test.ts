import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { credentialsKeysFrom } from "./credentials-keys.server";
import { maskSecret, openSecret, sealSecret } from "./sealed-secrets.server";

const key = () => crypto.randomBytes(32);
const TOKEN = "f2c1a0e5d4b3c2a1908f7e6d5c4b1a2b";

describe("sealed secrets", () => {
  it("opens what it sealed, and seals the same secret differently each time", () => {
    const keys = { current: key() };
    const first = sealSecret(TOKEN, keys);
    const second = sealSecret(TOKEN, keys);

    expect(first).toMatch(/^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/);
    expect(first).not.toContain(TOKEN);
    expect(second).not.toBe(first);
    expect(openSecret(first, keys)).toEqual({ ok: true, plaintext: TOKEN, sealedWithPrevious: false });
    expect(openSecret(sealSecret("", keys), keys)).toEqual({ ok: true, plaintext: "", sealedWithPrevious: false });
    expect(openSecret(sealSecret("clé ✓", keys), keys)).toMatchObject({ plaintext: "clé ✓" });
  });

  it("refuses a sealed value with any part changed", () => {
    const keys = { current: key() };
    const sealed = sealSecret(TOKEN, keys);
    const parts = sealed.split(":");
    for (const index of [1, 2, 3]) {
      const changed = [...parts];
      const bytes = Buffer.from(changed[index]!, "base64url");
      bytes[0] = bytes[0]! ^ 1;
      changed[index] = bytes.toString("base64url");
      expect(openSecret(changed.join(":"), keys), `part ${index}`).toEqual({ ok: false, reason: "REFUSED" });
    }
  });

  it("refuses a value sealed with another key", () => {
    expect(openSecret(sealSecret(TOKEN, { current: key() }), { current: key() })).toEqual({
      ok: false,
      reason: "REFUSED",
    });
  });

  it("calls anything that is not a sealed value malformed", () => {
    const keys = { current: key() };
    for (const value of ["", TOKEN, "v1:a:b", "v2:AAAA:AAAA:AAAA", "v1:!!:??:..", "v1:AAAA:AAAA:AAAA"]) {
      expect(openSecret(value, keys), value).toEqual({ ok: false, reason: "MALFORMED" });
    }
  });

  it("opens what the previous key sealed after a rotation, and says so", () => {
    const old = key();
    const sealedBefore = sealSecret(TOKEN, { current: old });
    const rotated = { current: key(), previous: old };

    expect(openSecret(sealedBefore, rotated)).toEqual({ ok: true, plaintext: TOKEN, sealedWithPrevious: true });
    expect(openSecret(sealSecret(TOKEN, rotated), rotated)).toMatchObject({ sealedWithPrevious: false });
    expect(openSecret(sealedBefore, { current: rotated.current })).toEqual({ ok: false, reason: "REFUSED" });
  });

  it("shows a secret back as its last four characters only", () => {
    expect(maskSecret(TOKEN)).toBe("…1a2b");
    expect(maskSecret("short")).toBe("…");
  });
});

describe("the credentials keys from the environment", () => {
  const secret = { SHOPIFY_API_SECRET: "app-secret" };

  it("uses CREDENTIALS_KEY, and CREDENTIALS_KEY_PREVIOUS for opening", () => {
    const current = key();
    const previous = key();
    expect(
      credentialsKeysFrom({
        ...secret,
        CREDENTIALS_KEY: current.toString("base64"),
        CREDENTIALS_KEY_PREVIOUS: previous.toString("base64"),
      }),
    ).toEqual({ current, previous });
  });

  it("derives a stable development key from the app secret when none is set", () => {
    const derived = credentialsKeysFrom(secret);
    expect(derived.current).toHaveLength(32);
    expect(credentialsKeysFrom(secret).current.equals(derived.current)).toBe(true);
    expect(credentialsKeysFrom({ SHOPIFY_API_SECRET: "another" }).current.equals(derived.current)).toBe(false);
  });
});
