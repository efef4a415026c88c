import crypto from "node:crypto";

/** A shop domain no other test uses, so tests sharing a database never see each other's rows. */
export function uniqueShop(): string {
  return `test-${crypto.randomBytes(5).toString("hex")}.myshopify.com`;
}
