// Tests that run a while under another environment (another AUTH_SECRET, none, a production build):
// what a test changes is put back after it, and env() (lib/env.ts) reads the environment again each time.
import { afterEach } from "vitest";
import { resetEnvCache } from "@/lib/env";

function setVariable(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/**
 * Call once at the top of a test file. Returns `changeEnv`: it sets each variable given (undefined
 * removes it) until the end of the current test.
 */
export function setUpEnvChanges(): (changes: Record<string, string | undefined>) => void {
  const before = new Map<string, string | undefined>();
  afterEach(() => {
    for (const [name, value] of before) setVariable(name, value);
    before.clear();
    resetEnvCache();
  });
  return (changes) => {
    for (const [name, value] of Object.entries(changes)) {
      if (!before.has(name)) before.set(name, process.env[name]);
      setVariable(name, value);
    }
    resetEnvCache();
  };
}
