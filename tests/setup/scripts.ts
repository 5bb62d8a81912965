// Runs the project's scripts as an operator does: a child process with only the variables given.
import { execFile } from "node:child_process";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { expect } from "vitest";

export type CliRun = { code: number; stdout: string; stderr: string; ms: number };

const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");

/**
 * V8 in the pinned Node 24.9.0 (the newest 24 on the registry) very rarely aborts a process while it
 * frees WebAssembly wrapper code ("Fatal error … Check failed: jit_page.has_value()", from
 * WasmCodeAllocator::FreeCode): a runtime crash, not the script's answer. Such a run is repeated
 * once; any other outcome, including a second crash, is returned as it is.
 */
function isRuntimeAbort(run: CliRun): boolean {
  const output = `${run.stdout}${run.stderr}`;
  return output.includes("# Fatal error in") && output.includes("V8_Fatal");
}

/** Runs `tsx <script> ...args` with only NODE_ENV=test, PATH, HOME and `env`: nothing leaks in from the test process. */
export async function runScript(script: string, args: string[], env: Record<string, string>, timeoutMs = 45_000): Promise<CliRun> {
  const run = await runScriptOnce(script, args, env, timeoutMs);
  return isRuntimeAbort(run) ? runScriptOnce(script, args, env, timeoutMs) : run;
}

function runScriptOnce(script: string, args: string[], env: Record<string, string>, timeoutMs: number): Promise<CliRun> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      tsx,
      [script, ...args],
      { cwd: process.cwd(), timeout: timeoutMs, env: { NODE_ENV: "test" as const, PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? os.tmpdir(), ...env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr), ms: Date.now() - started });
      },
    );
  });
}

/** A port on 127.0.0.1 where nothing listens: bound, then released. */
export async function findClosedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A failure an operator can act on: non-zero exit, one line on stderr, no stack trace. */
export function expectOneClearLine(run: CliRun, pattern: RegExp): void {
  expect(run.code).not.toBe(0);
  const output = `${run.stdout}${run.stderr}`;
  expect(output).toMatch(pattern);
  expect(output).not.toContain("    at ");
  expect(run.stderr.trim().split("\n")).toHaveLength(1);
}
