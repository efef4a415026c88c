// Sums the JSON reports that test runners wrote under the given folder (vitest's
// --reporter=json shape: numPassedTests, numFailedTests, numPendingTests) and prints
// "N passed, N failed[, N skipped]". Used by .ci/run.
import fs from "node:fs";
import path from "node:path";

const dir = process.argv[2] ?? "test-results";
let passed = 0;
let failed = 0;
let skipped = 0;
for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
  if (!name.endsWith(".json")) continue;
  const report = JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  // A test file that failed to load has no failed test in it, but it did fail.
  for (const file of report.testResults ?? []) {
    const anyTestFailed = (file.assertionResults ?? []).some((test) => test.status === "failed");
    if (file.status === "failed" && !anyTestFailed) failed += 1;
  }
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
// A runner whose exit code was lost still fails CI when a test failed.
if (failed > 0) process.exitCode = 1;
