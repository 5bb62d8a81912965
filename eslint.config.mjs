// eslint-config-next 16 ships flat configs: Core Web Vitals rules plus typescript-eslint's recommended set.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import ploeg from "./scripts/lint/cached-for-organisation.mjs";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // A "use cache" function is also a server function anyone can call: it checks its organisation key first.
    files: ["app/**", "components/**", "lib/**", "emails/**"],
    plugins: { ploeg },
    rules: { "ploeg/cached-for-organisation": "error" },
  },
  {
    // Playwright's fixture callback is named `use(...)`, which the hooks rule misreads as a React hook.
    files: ["tests/e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  globalIgnores([
    ".next/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "node_modules/**",
    ".data/**",
    "drizzle/**",
    "test-results/**",
    "playwright-report/**",
    "coverage/**",
    ".next-*/**",
  ]),
]);
