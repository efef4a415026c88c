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
      // UI extensions: their tests pick jsdom with a `@vitest-environment` comment, and their JSX
      // is Preact's through each extension's own tsconfig.json.
      "extensions/**/*.test.{ts,tsx}",
    ],
    // The extension tester imports the extension's module itself: inlined, that import goes
    // through Vite, which compiles the extension's TSX.
    server: { deps: { inline: ["@shopify/ui-extensions-tester"] } },
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
