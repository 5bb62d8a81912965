// Checks the settings when a Node server instance boots: invalid settings stop the instance with one
// clear line instead of failing on the first request. Node only (process.exit); instrumentation.ts
// imports it inside its Node branch, so the Edge build never sees it.
import { ConfigError, env } from "@/lib/env";

export function checkSettingsOrExit(): void {
  try {
    env();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
