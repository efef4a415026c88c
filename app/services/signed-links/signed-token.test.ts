import { describe, expect, it } from "vitest";
import { openToken, signToken } from "./signed-token.server";

/** Links that carry their own proof: only the app's secret makes one, and only for its purpose. */

const SECRET = "the-app-secret";

describe("a signed token", () => {
  it("gives back the payload it was signed with, for its purpose and secret", () => {
    const token = signToken("pickup-pass", "acme:5001", SECRET);

    expect(openToken("pickup-pass", token, SECRET)).toBe("acme:5001");
  });

  it("is refused when signed with another secret (forged)", () => {
    const forged = signToken("pickup-pass", "acme:5001", "someone-else");

    expect(openToken("pickup-pass", forged, SECRET)).toBeNull();
  });

  it("is refused when its payload or its signature was changed (tampered)", () => {
    const [payload, signature] = signToken("pickup-pass", "acme:5001", SECRET).split(".");
    const otherPayload = Buffer.from("acme:5002").toString("base64url");
    // The first character carries six bits of the signature (the last one partly padding).
    const flipped = `${signature!.startsWith("A") ? "B" : "A"}${signature!.slice(1)}`;

    expect(openToken("pickup-pass", `${otherPayload}.${signature}`, SECRET)).toBeNull();
    expect(openToken("pickup-pass", `${payload}.${flipped}`, SECRET)).toBeNull();
  });

  it("made for one purpose is refused for another", () => {
    const printLink = signToken("print-link", "acme:5001", SECRET);

    expect(openToken("pickup-pass", printLink, SECRET)).toBeNull();
    expect(openToken("print-link", printLink, SECRET)).toBe("acme:5001");
  });

  it("refuses what is not a token at all", () => {
    const token = signToken("pickup-pass", "acme:5001", SECRET);
    for (const text of [
      null,
      undefined,
      "",
      ".",
      "acme",
      `${token}.extra`,
      `.${token.split(".")[1]}`,
      "x".repeat(5000),
    ]) {
      expect(openToken("pickup-pass", text, SECRET)).toBeNull();
    }
  });

  it("stays short enough for a text message: 22 characters of signature", () => {
    const [, signature] = signToken("pickup-pass", "acme:5001", SECRET).split(".");

    expect(signature).toHaveLength(22);
  });
});
