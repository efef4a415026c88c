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

describe("architecture", () => {
  it("keeps app/domain pure: no I/O, no environment, no clock, no imports outside the domain", () => {
    const offences = sources("app/domain").flatMap(({ file, text }) => [
      ...importsOf(text)
        .filter((specifier) => !specifier.startsWith("./") && !specifier.startsWith("../"))
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
});
