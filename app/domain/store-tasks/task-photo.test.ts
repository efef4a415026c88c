import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { PHOTO_MAX_BASE64_LENGTH, PHOTO_MAX_BYTES, PHOTO_PURPOSES, imageTypeOf, readPhoto } from "./task-photo";

const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
const GIF = new TextEncoder().encode("GIF89a....");
const HTML = new TextEncoder().encode("<html><script>alert(1)</script></html>");

function sized(prefix: Uint8Array, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  bytes.set(prefix);
  return bytes;
}

describe("a photo's type", () => {
  it("is read from its first bytes: JPEG or PNG, nothing else", () => {
    expect(imageTypeOf(JPEG)).toBe("image/jpeg");
    expect(imageTypeOf(PNG)).toBe("image/png");
    expect(imageTypeOf(GIF)).toBeNull();
    expect(imageTypeOf(HTML)).toBeNull();
    expect(imageTypeOf(new Uint8Array())).toBeNull();
    expect(imageTypeOf(PNG.slice(0, 7))).toBeNull();
  });
});

describe("a photo worth keeping", () => {
  it("is kept with the type its bytes say, up to the size limit", () => {
    expect(readPhoto(sized(JPEG, PHOTO_MAX_BYTES))).toEqual({ ok: true, contentType: "image/jpeg" });
    expect(readPhoto(PNG)).toEqual({ ok: true, contentType: "image/png" });
  });

  it("is refused one byte over the limit, saying how large a photo may be", () => {
    expect(readPhoto(sized(JPEG, PHOTO_MAX_BYTES + 1))).toEqual({
      ok: false,
      problem: "TOO_LARGE",
      message: "The photo is larger than 1.5 MB: take it again",
    });
  });

  it("is refused when its bytes are not an image, whatever it was called", () => {
    expect(readPhoto(HTML)).toMatchObject({ ok: false, problem: "NOT_AN_IMAGE" });
    expect(readPhoto(GIF)).toMatchObject({ ok: false, problem: "NOT_AN_IMAGE" });
  });

  it("fits in the base64 length the POS API lets through", () => {
    expect(Buffer.from(new Uint8Array(PHOTO_MAX_BYTES)).toString("base64").length).toBeLessThanOrEqual(
      PHOTO_MAX_BASE64_LENGTH,
    );
  });
});

describe("photo purposes", () => {
  it("are the database's enum, value for value", () => {
    const schema = fs.readFileSync("prisma/schema.prisma", "utf8");
    const body = /^enum StoreTaskPhotoPurpose \{([^}]*)\}/m.exec(schema)?.[1] ?? "";
    const values = body
      .split("\n")
      .map((line) => line.replace(/\/\/.*$/, "").trim())
      .filter(Boolean);
    expect(values).toEqual([...PHOTO_PURPOSES]);
  });
});
