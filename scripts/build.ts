// npm run build: the app's production build, in two passes. The first finds which of Polaris's
// classes the built JavaScript can apply; the second builds again with Polaris's stylesheet cut
// to the rules those classes can match (scripts/unused-polaris-css.ts): 431 KB to about 270 KB,
// the stylesheet every admin page waits for before it paints (issue 14, web vitals).
import { execFileSync, type StdioOptions } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { polarisClassesIn } from "./unused-polaris-css";

const remix = path.resolve("node_modules/.bin/remix");
const quiet = process.argv.includes("--quiet");
const stdio: StdioOptions = quiet ? ["ignore", "ignore", "inherit"] : "inherit";

execFileSync(remix, ["vite:build"], { stdio, env: { ...process.env, POLARIS_CLASSES_FILE: "" } });
const assets = path.resolve("build/client/assets");
const scripts = fs
  .readdirSync(assets)
  .filter((name) => name.endsWith(".js"))
  .map((name) => fs.readFileSync(path.join(assets, name), "utf8"));
// Outside build/, which the second pass empties before it reads its config.
const classesDir = fs.mkdtempSync(path.join(os.tmpdir(), "omniroute-build-"));
const classesFile = path.join(classesDir, "polaris-classes.json");
try {
  fs.writeFileSync(classesFile, JSON.stringify([...polarisClassesIn(scripts)].sort()));
  execFileSync(remix, ["vite:build"], { stdio, env: { ...process.env, POLARIS_CLASSES_FILE: classesFile } });
} finally {
  fs.rmSync(classesDir, { recursive: true, force: true });
}
