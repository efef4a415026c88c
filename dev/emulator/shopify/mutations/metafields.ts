import { parseGid } from "../ids";
import { appNamespace } from "../resolvers/objects";
import { nodeByGid } from "../resolvers/lookup";
import { resolversFor } from "../resolvers/types";
import { metafieldDigest, metafieldView } from "../resolvers/views";
import type { MetafieldRecord } from "../state";

/**
 * metafieldsSet: creates or updates up to 25 metafields atomically, validating owner, key,
 * namespace, type and value as Shopify does, with optional compare-digest locking.
 */

const OWNER_TYPES = new Set(["Shop", "Location", "Order", "Product", "ProductVariant", "Customer"]);
const MAX_METAFIELDS = 25;

function validValue(type: string, value: string): boolean {
  switch (type) {
    case "single_line_text_field":
      return !value.includes("\n");
    case "multi_line_text_field":
      return true;
    case "number_integer":
      return /^-?\d+$/.test(value);
    case "number_decimal":
      return /^-?\d+(\.\d+)?$/.test(value);
    case "boolean":
      return value === "true" || value === "false";
    case "date":
      return /^\d{4}-\d{2}-\d{2}$/.test(value);
    case "date_time":
      return !Number.isNaN(Date.parse(value));
    case "url":
      try {
        new URL(value);
        return true;
      } catch {
        return false;
      }
    case "json":
      try {
        JSON.parse(value);
        return true;
      } catch {
        return false;
      }
    default:
      if (type.startsWith("list.")) {
        try {
          const parsed: unknown = JSON.parse(value);
          return Array.isArray(parsed) && parsed.every((v) => validValue(type.slice(5), typeof v === "string" ? v : JSON.stringify(v)));
        } catch {
          return false;
        }
      }
      return false;
  }
}

const KNOWN_TYPES = ["single_line_text_field", "multi_line_text_field", "number_integer", "number_decimal", "boolean", "date", "date_time", "url", "json"];

function knownType(type: string): boolean {
  return KNOWN_TYPES.includes(type) || (type.startsWith("list.") && KNOWN_TYPES.includes(type.slice(5)));
}

interface MetafieldInput {
  ownerId: string;
  namespace?: string | null;
  key: string;
  type?: string | null;
  value: string;
  compareDigest?: string | null;
}

export const metafieldMutations = resolversFor<unknown>({
  metafieldsSet: (_source, args: { metafields: MetafieldInput[] }, ctx) => {
    const state = ctx.shop.state;
    const errors: { field: string[]; message: string; code: string; elementIndex: number | null }[] = [];
    if (args.metafields.length > MAX_METAFIELDS) {
      errors.push({ field: ["metafields"], message: `Exceeded the maximum metafields input limit of ${MAX_METAFIELDS}.`, code: "LESS_THAN_OR_EQUAL_TO", elementIndex: null });
      return { metafields: null, userErrors: errors };
    }
    const plans: { input: MetafieldInput; namespace: string; type: string; existing: MetafieldRecord | undefined }[] = [];
    for (const [index, input] of args.metafields.entries()) {
      const field = (name: string) => ["metafields", String(index), name];
      const error = (name: string, message: string, code: string) => errors.push({ field: field(name), message, code, elementIndex: index });
      const parsed = parseGid(input.ownerId);
      if (!parsed || !OWNER_TYPES.has(parsed.type) || !nodeByGid(state, input.ownerId, ctx.publicUrl)) {
        error("ownerId", "Owner does not exist.", "INVALID");
        continue;
      }
      const namespace = input.namespace ?? appNamespace();
      if (namespace.length < 3) error("namespace", "Namespace is too short (minimum is 3 characters)", "TOO_SHORT");
      if (namespace.length > 255) error("namespace", "Namespace is too long (maximum is 255 characters)", "TOO_LONG");
      if (input.key.length < 2) error("key", "Key is too short (minimum is 2 characters)", "TOO_SHORT");
      if (input.key.length > 64) error("key", "Key is too long (maximum is 64 characters)", "TOO_LONG");
      if (!/^[A-Za-z0-9_-]+$/.test(input.key)) error("key", "Key contains one or more invalid characters.", "INVALID");
      const existing = state.data.metafields.find((m) => m.ownerId === input.ownerId && m.namespace === namespace && m.key === input.key);
      const type = input.type ?? existing?.type;
      if (!type) {
        error("type", "Type can't be blank", "BLANK");
        continue;
      }
      if (!knownType(type)) {
        error("type", `Type '${type}' is not a valid metafield type.`, "INVALID_TYPE");
        continue;
      }
      if (existing && existing.type !== type) error("type", "Type must match the existing metafield's type.", "INVALID_TYPE");
      if (input.value === "") error("value", "Value can't be blank", "BLANK");
      else if (!validValue(type, input.value)) error("value", `Value is invalid for type ${type}.`, "INVALID_VALUE");
      if (input.compareDigest !== undefined && input.compareDigest !== null) {
        if (!existing || metafieldDigest(existing) !== input.compareDigest) {
          error("compareDigest", "The resource has been updated since it was loaded. Try again with an updated `compareDigest` value.", "STALE_OBJECT");
        }
      }
      plans.push({ input, namespace, type, existing });
    }
    if (errors.length > 0) return { metafields: null, userErrors: errors };
    const at = ctx.shop.nowIso();
    const saved = plans.map(({ input, namespace, type, existing }) => {
      if (existing) {
        existing.value = input.value;
        existing.updatedAt = at;
        return existing;
      }
      const created: MetafieldRecord = { id: state.mintId(), ownerId: input.ownerId, namespace, key: input.key, type, value: input.value, createdAt: at, updatedAt: at };
      state.data.metafields.push(created);
      return created;
    });
    return { metafields: saved.map(metafieldView), userErrors: [] };
  },
});
