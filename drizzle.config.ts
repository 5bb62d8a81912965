import { defineConfig } from "drizzle-kit";

// Generation only: migrations are applied in code (lib/db/migrate.ts) so PGlite can load its extensions.
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema/all.ts",
  out: "./drizzle",
  casing: undefined,
});
