// What `npm run check:extensions` reports: each UI extension target's compressed JavaScript, and
// the bundle `shopify app build` ships, against the project's budget. Shopify refuses an extension
// above 64 KB compressed; the project aims at half of that (the README's performance aims).
import { parse } from "smol-toml";

export const BUDGET_BYTES = 32 * 1024;
export const SHOPIFY_LIMIT_BYTES = 64 * 1024;

export interface ExtensionTarget {
  readonly target: string;
  readonly module: string;
}

export interface SizeLine {
  readonly extension: string;
  readonly what: string;
  readonly gzipBytes: number;
}

/** The extension's handle, which names the file `shopify app build` writes in its dist/. */
export function extensionHandle(tomlText: string): string | undefined {
  const config = parse(tomlText);
  const [first] = Array.isArray(config.extensions) ? config.extensions : [];
  const handle = typeof first === "object" && first !== null && "handle" in first ? first.handle : undefined;
  return typeof handle === "string" ? handle : undefined;
}

/** The `[[extensions.targeting]]` entries of a `shopify.extension.toml`. */
export function extensionTargets(tomlText: string): ExtensionTarget[] {
  const config = parse(tomlText);
  const extensions = Array.isArray(config.extensions) ? config.extensions : [];
  const targets: ExtensionTarget[] = [];
  for (const extension of extensions) {
    const targeting = typeof extension === "object" && "targeting" in extension ? extension.targeting : [];
    if (!Array.isArray(targeting)) continue;
    for (const entry of targeting) {
      if (typeof entry !== "object" || entry === null || Array.isArray(entry)) continue;
      const { target, module } = entry as Record<string, unknown>;
      if (typeof target === "string" && typeof module === "string") targets.push({ target, module });
    }
  }
  return targets;
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** One line per size, then the verdict; `ok` is false when anything is over the budget. */
export function sizeReport(lines: readonly SizeLine[]): { ok: boolean; text: string } {
  const width = Math.max(0, ...lines.map((line) => `${line.extension}  ${line.what}`.length));
  const rows = lines.map((line) => {
    const label = `${line.extension}  ${line.what}`.padEnd(width);
    const mark = line.gzipBytes > BUDGET_BYTES ? "  OVER BUDGET" : "";
    return `${label}  ${kilobytes(line.gzipBytes).padStart(8)} gzip${mark}`;
  });
  const over = lines.filter((line) => line.gzipBytes > BUDGET_BYTES);
  const verdict =
    over.length === 0
      ? `extensions: every target within ${kilobytes(BUDGET_BYTES)} compressed (Shopify's limit ${kilobytes(SHOPIFY_LIMIT_BYTES)})`
      : `extensions: ${over.length} over the ${kilobytes(BUDGET_BYTES)} budget`;
  return { ok: over.length === 0 && lines.length > 0, text: [...rows, verdict].join("\n") };
}
