import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts", "tests/unit/**/*.test.tsx", "tests/integration/**/*.test.tsx"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // A committed `.only` would silently skip the rest of the suite.
    allowOnly: false,
    // Migrates once per run (PGlite dump or Postgres template); TEST_DATABASE_DRIVER picks the driver.
    globalSetup: [path.join(import.meta.dirname, "tests/setup/global-database.ts")],
    setupFiles: [path.join(import.meta.dirname, "tests/setup/env.ts")],
  },
});
