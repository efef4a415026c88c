import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSchema, type GraphQLSchema } from "graphql";

/** The pinned Admin API version the emulator speaks; other versions answer 404 as Shopify does for unknown ones. */
export const ADMIN_API_VERSION = "2026-04";

const SCHEMA_PATH = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../shopify/admin-2026-04.graphql",
);

let cached: GraphQLSchema | undefined;

/** Built once per process: the SDL is 3.5 MB and takes most of a second to build. */
export function adminSchema(): GraphQLSchema {
  cached ??= buildSchema(fs.readFileSync(SCHEMA_PATH, "utf8"), { assumeValidSDL: true });
  return cached;
}
