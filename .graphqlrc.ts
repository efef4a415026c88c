import { ApiType, pluckConfig, preset } from "@shopify/api-codegen-preset";

/**
 * Types every `#graphql` document in the app and the extensions from the pinned Admin
 * schema in shopify/ (no network): `npm run graphql-codegen` writes app/types/.
 */
const schema = "./shopify/admin-2026-04.graphql";
const documents = ["./app/**/*.{ts,tsx}", "./extensions/*/src/**/*.{ts,tsx}", "!./app/types/**"];

export default {
  schema,
  documents,
  projects: {
    default: {
      schema,
      documents,
      extensions: {
        codegen: {
          pluckConfig,
          generates: {
            "./app/types/admin.types.d.ts": {
              plugins: ["typescript"],
              config: { defaultScalarType: "string", scalars: { JSON: "unknown" }, enumsAsTypes: true },
            },
            "./app/types/admin.generated.d.ts": {
              preset,
              presetConfig: { apiType: ApiType.Admin },
            },
          },
        },
      },
    },
  },
};
