import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatPickupCode,
  generatePickupCode,
  normalisePickupCode,
  parsePickupQrPayload,
  PICKUP_CODE_ALPHABET,
  pickupQrPayload,
  readPresentedCode,
} from "./pickup-code";

/** Randomness that hands out the given indexes in turn. */
function scripted(indexes: readonly number[]) {
  let next = 0;
  return (size: number) => {
    expect(size).toBe(PICKUP_CODE_ALPHABET.length);
    return indexes[next++ % indexes.length] ?? 0;
  };
}

const indexes = fc.array(fc.integer({ min: 0, max: PICKUP_CODE_ALPHABET.length - 1 }), {
  minLength: 6,
  maxLength: 6,
});

describe("pickup codes", () => {
  it("has 32 distinct characters, none that reads as another (0/O, 1/I)", () => {
    expect(PICKUP_CODE_ALPHABET).toHaveLength(32);
    expect(new Set(PICKUP_CODE_ALPHABET).size).toBe(32);
    for (const lookalike of ["0", "O", "1", "I"]) expect(PICKUP_CODE_ALPHABET).not.toContain(lookalike);
  });

  it("makes six characters from the randomness it is given", () => {
    expect(generatePickupCode(scripted([0, 1, 2, 3, 4, 5]))).toBe("234567");
    expect(generatePickupCode(scripted([31, 8, 31, 8, 31, 8]))).toBe("ZAZAZA");
  });

  it("refuses randomness outside the alphabet rather than make a shorter code", () => {
    expect(() => generatePickupCode(() => 32)).toThrow(RangeError);
    expect(() => generatePickupCode(() => -1)).toThrow(RangeError);
    expect(() => generatePickupCode(() => 1.5)).toThrow(RangeError);
  });

  it("reads what an associate types: any case, spaces, dashes, dots", () => {
    expect(normalisePickupCode("k7m-4qx")).toBe("K7M4QX");
    expect(normalisePickupCode("  K7M 4QX ")).toBe("K7M4QX");
    expect(normalisePickupCode("k.7.m_4-q x")).toBe("K7M4QX");
  });

  it("reads nothing that cannot be a code", () => {
    for (const typed of ["", "K7M4Q", "K7M4QXA", "K7M4Q0", "K7M4QO", "K7M4Q1", "K7M4QI", "K7M#QX", null, undefined]) {
      expect(normalisePickupCode(typed)).toBeNull();
    }
  });

  it("shows a code in two groups of three", () => {
    expect(formatPickupCode("K7M4QX")).toBe("K7M-4QX");
  });

  it("reads back every code it makes, as shown, as typed in lower case, and from its QR payload", () => {
    fc.assert(
      fc.property(indexes, (script) => {
        const code = generatePickupCode(scripted(script));
        expect(normalisePickupCode(formatPickupCode(code))).toBe(code);
        expect(normalisePickupCode(code.toLowerCase())).toBe(code);
        expect(parsePickupQrPayload(pickupQrPayload(code))).toBe(code);
      }),
    );
  });

  it("puts the code alone in the QR payload, behind the app's prefix", () => {
    expect(pickupQrPayload("k7m-4qx")).toBe("omniroute:pickup:K7M4QX");
    expect(() => pickupQrPayload("nope")).toThrow(RangeError);
  });

  it("reads only the app's own QR payloads", () => {
    expect(parsePickupQrPayload(" OMNIROUTE:PICKUP:K7M4QX\n")).toBe("K7M4QX");
    expect(parsePickupQrPayload("K7M4QX")).toBeNull();
    expect(parsePickupQrPayload("other:pickup:K7M4QX")).toBeNull();
    expect(parsePickupQrPayload("omniroute:pickup:K7M4Q0")).toBeNull();
    expect(parsePickupQrPayload("https://example.com/omniroute:pickup:K7M4QX")).toBeNull();
  });

  it("tells a scanned QR code from a typed code, for the handover's proof", () => {
    expect(readPresentedCode("omniroute:pickup:K7M4QX")).toEqual({ method: "QR", code: "K7M4QX" });
    expect(readPresentedCode("k7m 4qx")).toEqual({ method: "PICKUP_CODE", code: "K7M4QX" });
    expect(readPresentedCode("omniroute:pickup:???")).toBeNull();
    expect(readPresentedCode("#1001")).toBeNull();
  });
});
