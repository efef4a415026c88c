import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import type { RunningEmulator } from "../../../dev/emulator/server";
import { sessionTokenFor, startTestEmulator } from "../../../tests/support/emulator";
import { seedMirror } from "../../../tests/support/mirror";
import { TEST_APP } from "../../../tests/support/shopify-app";
import type { action as storesAction } from "./route";

/** The Stores page's bin import: the merchant's CSV file, or rows pasted, into each store's bins. */

let emulator: RunningEmulator;
let prisma: PrismaClient;
let action: typeof storesAction;

beforeAll(async () => {
  emulator = await startTestEmulator();
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  ({ action } = await import("./route"));
  ({ prisma } = await import("~/db.server"));
  await seedMirror(prisma, emulator.shop, [
    { locationId: "1", name: "Loop", kind: "STORE", lat: 41.8826, lng: -87.6278, stock: {} },
    { locationId: "3", name: "Evanston", kind: "STORE", lat: 42.0451, lng: -87.6877, stock: {} },
  ]);
});

afterAll(async () => {
  await emulator.close();
});

function post(form: FormData) {
  return action({
    request: new Request(`${TEST_APP.appUrl}/app/stores`, {
      method: "POST",
      headers: { Authorization: `Bearer ${sessionTokenFor(emulator.shop)}` },
      body: form,
    }),
    params: {},
    context: {},
  });
}

function importForm(fields: { file?: string; text?: string }): FormData {
  const form = new FormData();
  form.set("intent", "bin-import");
  form.set("binsFile", new File(fields.file === undefined ? [] : [fields.file], "bins.csv", { type: "text/csv" }));
  form.set("binsText", fields.text ?? "");
  return form;
}

const binsAt = (locationId: string) =>
  prisma.itemBinLocation.findMany({
    where: { shop: emulator.shop, locationId },
    select: { sku: true, code: true, source: true },
    orderBy: { sku: "asc" },
  });

describe("the Stores page's bin import", () => {
  it("imports an uploaded CSV file into each store's bins as the merchant's word", async () => {
    const result = await post(importForm({ file: 'location,sku,bin\nLoop,TEE-M,"Aisle 4, Bin 12"\n3,TEE-M,B2\n' }));

    expect(result).toEqual({ intent: "bin-import", outcome: { ok: true, imported: 2, stores: 2 } });
    expect(await binsAt("1")).toEqual([{ sku: "TEE-M", code: "Aisle 4, Bin 12", source: "MERCHANT" }]);
    expect(await binsAt("3")).toEqual([{ sku: "TEE-M", code: "B2", source: "MERCHANT" }]);
  });

  it("takes pasted rows when no file is chosen, and imports none of them when one is wrong", async () => {
    const result = await post(importForm({ text: "location,sku,bin\nLoop,CAP,A1\nSkokie,CAP,A1\n" }));

    expect(result).toEqual({
      intent: "bin-import",
      outcome: { ok: false, moreErrors: 0, errors: [{ line: 3, message: '"Skokie" is not one of your stores' }] },
    });
    expect((await binsAt("1")).map((bin) => bin.sku)).not.toContain("CAP");
  });

  it("refuses a file over 1 MB without reading it", async () => {
    const result = await post(importForm({ file: `location,sku,bin\n${"Loop,TEE-M,A1\n".repeat(80_000)}` }));

    expect(result).toEqual({
      intent: "bin-import",
      outcome: {
        ok: false,
        moreErrors: 0,
        errors: [{ line: null, message: "The file is larger than 1 MB: split it" }],
      },
    });
  });
});
