import { cleanTyped, type FieldReading } from "~/domain/store-tasks/transition-fields";

/**
 * Reading where items are kept in each store ("Aisle 4, Bin 12"): the merchant's CSV file
 * (`location,sku,bin`) and the code a picker types. Pure: the stores are handed in.
 */

export const ITEM_LOCATION_CODE_MAX_LENGTH = 64;
export const SKU_MAX_LENGTH = 255;
/** A store's whole catalogue fits; a file that is more is the wrong file. */
export const BIN_IMPORT_MAX_ROWS = 5_000;
export const BIN_IMPORT_MAX_BYTES = 1024 * 1024;
/** Enough to fix a file without a page of noise; the rest are counted. */
const ERRORS_SHOWN = 50;

const ITEM_LOCATION_CODE = /^[\p{L}\p{Nd}]/u;

/**
 * Where an item is kept, as the associate or merchant wrote it ("Aisle 4, Bin 12"): spaces made
 * one, case kept (it is read by people, not matched like a staging bin).
 */
export function readItemLocationCode(raw: string | null | undefined): FieldReading<string> {
  const code = cleanTyped(raw);
  if (!code) return { ok: false, message: "Enter where the item is, for example Aisle 4, Bin 12" };
  if (code.length > ITEM_LOCATION_CODE_MAX_LENGTH) {
    return { ok: false, message: `Keep where the item is to ${ITEM_LOCATION_CODE_MAX_LENGTH} characters` };
  }
  if (!ITEM_LOCATION_CODE.test(code)) return { ok: false, message: "Start with a letter or a digit" };
  return { ok: true, value: code };
}

export interface ImportStore {
  locationId: string;
  name: string;
}

export interface BinImportRow {
  line: number;
  locationId: string;
  sku: string;
  code: string;
}

export interface BinImportError {
  /** The file's line (1 is the column names); null for the file as a whole. */
  line: number | null;
  message: string;
}

/** A file refused: its first errors, and how many more there were. */
export interface BinImportRefusal {
  ok: false;
  errors: BinImportError[];
  moreErrors: number;
}

export type BinImportReading = { ok: true; rows: BinImportRow[] } | BinImportRefusal;

const COLUMNS = ["location", "sku", "bin"] as const;

/** One CSV record on one line: fields split on commas, double quotes around a field, "" inside one. */
function splitCsvLine(line: string): string[] | null {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  let index = 0;
  while (index < line.length) {
    const char = line[index];
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        field += '"';
        index += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (char === ",") {
      fields.push(field);
      field = "";
    } else {
      field += char;
    }
    index += 1;
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}

function storeFinder(stores: readonly ImportStore[]) {
  const byId = new Map(stores.map((store) => [store.locationId, store]));
  const byName = new Map<string, ImportStore[]>();
  for (const store of stores) {
    const key = store.name.trim().toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), store]);
  }
  return (raw: string): FieldReading<string> => {
    const given = raw.trim();
    const id = given.replace(/^gid:\/\/shopify\/Location\//, "");
    const storeById = byId.get(id);
    if (storeById) return { ok: true, value: storeById.locationId };
    const named = byName.get(given.toLowerCase()) ?? [];
    if (named.length === 1 && named[0]) return { ok: true, value: named[0].locationId };
    if (named.length > 1) return { ok: false, message: `Two stores are named "${given}": use the store's id instead` };
    return { ok: false, message: given ? `"${given}" is not one of your stores` : "Give the store's name or id" };
  };
}

/** The answer to a file over BIN_IMPORT_MAX_BYTES, given before it is read. */
export function binImportTooLarge(): BinImportRefusal {
  return {
    ok: false,
    errors: [{ line: null, message: `The file is larger than ${BIN_IMPORT_MAX_BYTES / 1024 / 1024} MB: split it` }],
    moreErrors: 0,
  };
}

/**
 * The merchant's file, every row checked. One wrong row refuses the whole file: a file half
 * applied leaves the merchant guessing which bins the pickers now see, and the fixed file can
 * simply be imported again (each row replaces what was known for that store and SKU).
 */
export function readBinImport(text: string, stores: readonly ImportStore[]): BinImportReading {
  if (new TextEncoder().encode(text).length > BIN_IMPORT_MAX_BYTES) return binImportTooLarge();
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const headerIndex = lines.findIndex((line) => line.trim() !== "");
  if (headerIndex === -1) {
    return {
      ok: false,
      errors: [{ line: 1, message: "The file is empty: start with the line location,sku,bin" }],
      moreErrors: 0,
    };
  }
  const header = (splitCsvLine(lines[headerIndex] ?? "") ?? []).map((name) => name.trim().toLowerCase());
  const columns = COLUMNS.map((name) => header.indexOf(name));
  if (columns.some((column) => column === -1)) {
    return {
      ok: false,
      errors: [{ line: headerIndex + 1, message: "The first line must name the columns: location,sku,bin" }],
      moreErrors: 0,
    };
  }
  const [locationColumn, skuColumn, binColumn] = columns as [number, number, number];
  const findStore = storeFinder(stores);
  const rows: BinImportRow[] = [];
  const errors: BinImportError[] = [];
  const seen = new Map<string, number>();
  for (let index = headerIndex + 1; index < lines.length; index += 1) {
    const text = lines[index] ?? "";
    if (text.trim() === "") continue;
    const line = index + 1;
    if (rows.length + errors.length >= BIN_IMPORT_MAX_ROWS) {
      return {
        ok: false,
        errors: [
          { line, message: `The file has more than ${BIN_IMPORT_MAX_ROWS.toLocaleString("en-US")} rows: split it` },
        ],
        moreErrors: 0,
      };
    }
    const fields = splitCsvLine(text);
    if (!fields) {
      errors.push({ line, message: "A quote is not closed on this line" });
      continue;
    }
    if (fields.length !== header.length) {
      errors.push({ line, message: `Expected ${header.length} values, found ${fields.length}` });
      continue;
    }
    const store = findStore(fields[locationColumn] ?? "");
    const sku = (fields[skuColumn] ?? "").trim();
    const code = readItemLocationCode(fields[binColumn]);
    const problem = !store.ok
      ? store.message
      : !sku
        ? "The SKU is empty"
        : sku.length > SKU_MAX_LENGTH
          ? `The SKU is longer than ${SKU_MAX_LENGTH} characters`
          : !code.ok
            ? code.message
            : null;
    if (problem || !store.ok || !code.ok) {
      errors.push({ line, message: problem ?? "This row is not valid" });
      continue;
    }
    const key = `${store.value}\u0000${sku}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push({ line, message: `This store and SKU are already on line ${earlier}` });
      continue;
    }
    seen.set(key, line);
    rows.push({ line, locationId: store.value, sku, code: code.value });
  }
  if (errors.length > 0) {
    return { ok: false, errors: errors.slice(0, ERRORS_SHOWN), moreErrors: Math.max(0, errors.length - ERRORS_SHOWN) };
  }
  if (rows.length === 0) {
    return {
      ok: false,
      errors: [{ line: headerIndex + 2, message: "The file has no rows after its first line" }],
      moreErrors: 0,
    };
  }
  return { ok: true, rows };
}
