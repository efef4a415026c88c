import { readFileSync } from "node:fs";
import { runRouteCli } from "./route-cli";

const result = runRouteCli(process.argv.slice(2), (path) => readFileSync(path, "utf8"));
if (result.stdout !== "") process.stdout.write(result.stdout);
if (result.stderr !== "") process.stderr.write(result.stderr);
process.exitCode = result.code;
