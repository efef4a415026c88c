import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Separate from vite.config.ts: the Remix plugin must not run under Vitest.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: [
      "app/**/*.test.{ts,tsx}",
      "scripts/**/*.test.ts",
      "bench/**/*.test.ts",
      "dev/**/*.test.ts",
      "tests/integration/**/*.test.ts",
      "tests/e2e/**/*.test.ts",
    ],
    globalSetup: ["tests/setup/global-database.ts"],
    setupFiles: ["tests/setup/test-environment.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // CI adds a JSON report that .ci/run sums into its "N passed, N failed" line.
    reporters: process.env.CI ? ["default", "json"] : ["default"],
    outputFile: { json: process.env.VITEST_JSON ?? "test-results/vitest.json" },
  },
});
