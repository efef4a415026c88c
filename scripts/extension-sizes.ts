// `npm run check:extensions` runs this after `shopify app build`: prints each UI extension
// target's compressed JavaScript (the target bundled alone, minified) and the size of the bundle
// the CLI built for the extension (every target in one file, what Shopify receives), and exits 1
// when any is over the budget or an extension was not built. A theme app extension has no bundle:
// each of its scripts (assets/*.js) is measured as the storefront is served it.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Rollup } from "vite";
import { extensionHandle, extensionTargets, extensionType, sizeReport, type SizeLine } from "./extension-size-report";

const EXTENSIONS_DIR = path.resolve(import.meta.dirname, "../extensions");

async function bundledAlone(extensionDir: string, module: string): Promise<string> {
  const result = await build({
    configFile: false,
    root: extensionDir,
    logLevel: "silent",
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    esbuild: { jsx: "automatic", jsxImportSource: "preact" },
    build: {
      write: false,
      minify: true,
      // An IIFE, as the CLI emits: Vite keeps whitespace in minified ES library output.
      lib: { entry: path.resolve(extensionDir, module), formats: ["iife"], name: "target", fileName: "target" },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  return outputs
    .flatMap((output) => output.output)
    .map((chunk) => (chunk.type === "chunk" ? chunk.code : ""))
    .join("");
}

const lines: SizeLine[] = [];
let unbuilt = 0;
for (const extension of readdirSync(EXTENSIONS_DIR).sort()) {
  const dir = path.join(EXTENSIONS_DIR, extension);
  const toml = path.join(dir, "shopify.extension.toml");
  if (!existsSync(toml)) continue;
  const config = readFileSync(toml, "utf8");
  if (extensionType(config) === "theme") {
    const assets = path.join(dir, "assets");
    const scripts = existsSync(assets) ? readdirSync(assets).filter((file) => file.endsWith(".js")) : [];
    for (const script of scripts.sort()) {
      lines.push({
        extension,
        what: `assets/${script}`,
        bytes: statSync(path.join(assets, script)).size,
        measure: "raw",
      });
    }
    continue;
  }
  for (const { target, module } of extensionTargets(config)) {
    lines.push({ extension, what: target, bytes: gzipSync(await bundledAlone(dir, module)).byteLength });
  }
  const shipped = path.join(dir, "dist", `${extensionHandle(config) ?? extension}.js`);
  if (existsSync(shipped)) {
    lines.push({
      extension,
      what: "built bundle (all targets)",
      bytes: gzipSync(readFileSync(shipped)).byteLength,
    });
  } else {
    console.error(`${extension}: no ${path.relative(process.cwd(), shipped)}; run \`shopify app build\` first`);
    unbuilt += 1;
  }
}

const report = sizeReport(lines);
console.log(report.text);
process.exitCode = report.ok && unbuilt === 0 ? 0 : 1;
