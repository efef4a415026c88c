import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSchema, parse, validate, type DocumentNode, type OperationDefinitionNode } from "graphql";

/**
 * Every `#graphql` document in the app and the extensions, validated against the pinned
 * Admin schema: an unknown field, argument or type fails here, not in a merchant's shop.
 */
const SCHEMA = buildSchema(fs.readFileSync("shopify/admin-2026-04.graphql", "utf8"));
const ROOTS = ["app", "extensions"];

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "types" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

interface FoundDocument {
  file: string;
  source: string;
}

function findGraphqlDocuments(roots: string[]): FoundDocument[] {
  return roots.flatMap(sourceFiles).flatMap((file) => {
    const text = fs.readFileSync(file, "utf8");
    return [...text.matchAll(/`#graphql\n([\s\S]*?)`/g)].map((match) => ({ file, source: match[1] ?? "" }));
  });
}

function operationNames(document: DocumentNode): string[] {
  return document.definitions
    .filter((definition): definition is OperationDefinitionNode => definition.kind === "OperationDefinition")
    .map((operation) => operation.name?.value ?? "");
}

const documents = findGraphqlDocuments(ROOTS);

describe("Admin GraphQL documents", () => {
  it("finds the app's documents", () => {
    expect(documents.length).toBeGreaterThan(0);
  });

  it.each(documents.map((document) => [`${document.file}: ${document.source.trim().split("\n")[0]}`, document] as const))(
    "%s is valid against the 2026-04 schema",
    (_label, document) => {
      const errors = validate(SCHEMA, parse(document.source)).map((error) => error.message);
      expect(errors).toEqual([]);
    },
  );

  it("names every operation, each name once", () => {
    const names = documents.flatMap((document) => operationNames(parse(document.source)));
    expect(names.every((name) => name.length > 0)).toBe(true);
    expect(names.length).toBe(new Set(names).size);
  });

  it("has up-to-date codegen types for every document (run npm run graphql-codegen)", () => {
    const generated = fs.readFileSync("app/types/admin.generated.d.ts", "utf8");
    const stale = documents.filter((document) => !generated.includes(JSON.stringify(`#graphql\n${document.source}`)));
    expect(stale.map((document) => document.file)).toEqual([]);
  });

  it("rejects a document asking for a field the schema does not have", () => {
    const errors = validate(SCHEMA, parse("query Broken { shop { nameOfTheShop } }"));
    expect(errors.map((error) => error.message)).toEqual([`Cannot query field "nameOfTheShop" on type "Shop".`]);
  });
});
