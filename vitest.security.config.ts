// The build-wide guard test: runs after `next build`, reading the build's own lists of server actions
// and route handlers (scripts/test.ts stage "guards"). Same database setup as the other vitest files.
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    include: ["tests/security/**/*.test.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    allowOnly: false,
    globalSetup: [path.join(import.meta.dirname, "tests/setup/global-database.ts")],
    setupFiles: [path.join(import.meta.dirname, "tests/setup/env.ts")],
  },
});
