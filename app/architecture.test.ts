import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** The layering rules of docs/architecture.md, checked on the source so they cannot drift. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "types" ? [] : filesUnder(full);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

const sources = (dir: string, { tests = false } = {}) =>
  filesUnder(dir)
    .filter((file) => tests || !/\.test\.tsx?$/.test(file))
    .map((file) => ({ file, text: fs.readFileSync(file, "utf8") }));

function importsOf(text: string): string[] {
  return [...text.matchAll(/^\s*(?:import|export)[^'"]*?from\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']/gm)].map(
    (match) => match[1] ?? match[2] ?? "",
  );
}

const isUnder = (file: string, dir: string) => file.startsWith(`${path.join(...dir.split("/"))}${path.sep}`);

/** Where an import lands, from the repository root ("app/…"), for `~/` and relative specifiers. */
function importedPath(file: string, specifier: string): string {
  if (specifier.startsWith("~/")) return path.join("app", specifier.slice(2));
  if (specifier.startsWith(".")) return path.relative(process.cwd(), path.resolve(path.dirname(file), specifier));
  return specifier;
}

const PURE_LIBRARIES = ["zod", "libphonenumber-js/max"];

describe("architecture", () => {
  it("keeps app/domain pure: no I/O, no environment, no clock, no imports outside the domain but pure libraries", () => {
    const offences = sources("app/domain").flatMap(({ file, text }) => [
      ...importsOf(text)
        // zod only describes and checks values, libphonenumber-js only parses numbers against the
        // metadata it bundles: neither does I/O or reads a clock or the environment.
        .filter(
          (specifier) =>
            !specifier.startsWith("./") && !specifier.startsWith("../") && !PURE_LIBRARIES.includes(specifier),
        )
        .map((specifier) => `${file} imports ${specifier}`),
      ...importsOf(text)
        .filter(
          (specifier) =>
            specifier.startsWith("../") && !path.resolve(path.dirname(file), specifier).includes(`${path.sep}domain`),
        )
        .map((specifier) => `${file} imports ${specifier} outside the domain`),
      ...[/process\.env/, /Date\.now\(/, /new Date\(\)/, /Math\.random\(/, /\bfetch\(/, /performance\.now\(/]
        .filter((pattern) => pattern.test(text))
        .map((pattern) => `${file} uses ${pattern.source}`),
    ]);
    expect(offences).toEqual([]);
  });

  it("never imports the local emulator from the app's code (its tests may drive it)", () => {
    const offences = sources("app").flatMap(({ file, text }) =>
      importsOf(text)
        .filter((specifier) => specifier.includes("dev/emulator") || specifier.includes("/emulator/"))
        .map((specifier) => `${file} imports ${specifier}`),
    );
    expect(offences).toEqual([]);
  });

  it("keeps Prisma queries in app/models", () => {
    const query =
      /\b(?:prisma|tx|db)\.[a-z]\w*\.(?:find\w*|create\w*|update\w*|delete\w*|upsert|count|aggregate|groupBy)\(/;
    const offences = sources("app")
      .filter(({ file }) => !file.startsWith(path.join("app", "models")))
      .filter(({ text }) => query.test(text))
      .map(({ file }) => file);
    expect(offences).toEqual([]);
  });

  it("keeps routes thin: they reach models and vendors only through services", () => {
    const offences = sources("app/routes").flatMap(({ file, text }) =>
      importsOf(text)
        .filter((specifier) => /~\/(models|integrations|jobs)\//.test(specifier) || specifier === "~/db.server")
        .map((specifier) => `${file} imports ${specifier}`),
    );
    expect(offences).toEqual([]);
  });

  it("keeps routes off the Admin API: they call a service, never an operation or an offline session", () => {
    const unauthenticated = [
      /import\s*(?:type\s*)?\{[^}]*\bunauthenticated\b[^}]*\}\s*from\s*["'][^"']*shopify\.server["']/,
      /\.unauthenticated\b/,
    ];
    const offences = sources("app/routes").flatMap(({ file, text }) => [
      ...importsOf(text)
        .filter((specifier) => isUnder(importedPath(file, specifier), "app/shopify/operations"))
        .map((specifier) => `${file} imports ${specifier}`),
      ...unauthenticated.filter((pattern) => pattern.test(text)).map(() => `${file} uses unauthenticated`),
    ]);
    expect(offences).toEqual([]);
  });

  it("calls the Admin API only through app/shopify's client, never the library's admin.graphql directly", () => {
    const direct = [/\bunauthenticated\s*\.\s*admin\b/, /\badmin\s*\.\s*graphql\s*\(/];
    const offences = sources("app")
      .filter(({ file }) => !isUnder(file, "app/shopify"))
      .flatMap(({ file, text }) =>
        direct.filter((pattern) => pattern.test(text)).map((pattern) => `${file} uses ${pattern.source}`),
      );
    expect(offences).toEqual([]);
  });

  it("keeps SQL in app/models and app/jobs", () => {
    const sql = [
      /\bSELECT\b[\s\S]{0,300}?\bFROM\b/,
      /\bINSERT\s+INTO\b/,
      /\bUPDATE\s+\S+\s+SET\b/,
      /\bDELETE\s+FROM\b/,
      /\$(?:queryRaw|executeRaw)\w*/,
      /\bPrisma\.(?:sql|raw)\b/,
      // A pg client's (or pg-boss's) raw query.
      /\.query\(/,
      /\.executeSql\(/,
    ];
    // app/db is the database's own infrastructure (the embedded server, the migration applier):
    // it speaks SQL to create databases and record migrations, below any model.
    const sqlHomes = ["app/models", "app/jobs", "app/db"];
    const offences = sources("app")
      .filter(({ file }) => !sqlHomes.some((dir) => isUnder(file, dir)))
      .flatMap(({ file, text }) =>
        sql.filter((pattern) => pattern.test(text)).map((pattern) => `${file} has SQL: ${pattern.source}`),
      );
    expect(offences).toEqual([]);
  });
});
