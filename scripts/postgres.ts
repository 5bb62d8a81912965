// A throwaway PostgreSQL server for the server-driver tests: installs Debian's postgresql when missing,
// initialises a cluster in a temp folder owned by the `postgres` user and listens on 127.0.0.1 only.
// Run directly (`npx tsx scripts/postgres.ts`) it prints the URL and serves until Ctrl-C.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type PostgresServer = {
  /** Admin URL (superuser `postgres`, database `postgres`). */
  url: string;
  port: number;
  version: string;
  stop: () => Promise<void>;
};

export type StartPostgresOptions = {
  /** First port to try; the next free one is used when taken. */
  port?: number;
  log?: (line: string) => void;
  /**
   * Server libraries to load at start-up (`shared_preload_libraries`), e.g. `pg_stat_statements`,
   * which the bench needs to count statements and cannot be loaded later.
   */
  sharedPreloadLibraries?: string[];
};

const isRoot = process.getuid?.() === 0;

/** Runs a command as root (directly, or through passwordless sudo), without stdin; throws on failure. */
export function runAsRoot(command: string, args: string[], log: (line: string) => void): void {
  const [file, fileArgs] = isRoot ? [command, args] : ["sudo", ["-n", command, ...args]];
  log(`$ ${[file, ...fileArgs].join(" ")}`);
  const result = spawnSync(file, fileArgs, {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.error) throw new Error(`${command} could not run: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status}); run the tests as root or with passwordless sudo`);
  }
}

/** Installs Debian packages with apt-get (update first), non-interactively. */
export function aptInstall(packages: string[], log: (line: string) => void): void {
  runAsRoot("apt-get", ["update", "-qq"], log);
  runAsRoot("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...packages], log);
}

function findPostgresBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, "bin", "postgres")) && existsSync(path.join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : undefined;
}

/** The directory holding postgres and initdb, installing Debian's postgresql package when missing. */
export function ensurePostgresInstalled(log: (line: string) => void): string {
  const existing = findPostgresBin();
  if (existing) return existing;
  log("PostgreSQL is not installed; installing Debian's postgresql package");
  aptInstall(["postgresql"], log);
  const installed = findPostgresBin();
  if (!installed) throw new Error("apt-get installed postgresql, but /usr/lib/postgresql/*/bin/postgres is still missing");
  return installed;
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** The first free port on 127.0.0.1 from `preferred` on, or one the OS picks. */
export async function findFreePort(preferred = 0): Promise<number> {
  if (preferred > 0) {
    for (let port = preferred; port < preferred + 20; port++) {
      if (await isPortFree(port)) return port;
    }
  }
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1" }, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

type RunAs = { uid: number; gid: number } | undefined;

/** Postgres refuses to run as root: as root, run it as the `postgres` OS user the package creates. */
function postgresUser(): RunAs {
  if (!isRoot) return undefined;
  const passwd = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .map((line) => line.split(":"))
    .find((fields) => fields[0] === "postgres");
  if (!passwd) throw new Error("Running as root, but there is no `postgres` OS user to run PostgreSQL as");
  return { uid: Number(passwd[2]), gid: Number(passwd[3]) };
}

function chooseLocale(): string {
  const result = spawnSync("locale", ["-a"], { encoding: "utf8" });
  const available = (result.stdout ?? "").split("\n").map((l) => l.trim().toLowerCase());
  // C.UTF-8 keeps non-ASCII letters letters (pg_trgm on "Zoë"); plain C is always there.
  return available.includes("c.utf8") || available.includes("c.utf-8") ? "C.UTF-8" : "C";
}

async function waitUntilAccepting(url: string, server: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = "";
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`postgres exited during start-up:\n${readLog(logFile)}`);
    }
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query("SELECT 1");
      await client.end();
      return;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
      await client.end().catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
  throw new Error(`postgres did not accept connections within ${timeoutMs} ms (${lastError}):\n${readLog(logFile)}`);
}

function readLog(file: string): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-30).join("\n");
  } catch {
    return "(no log)";
  }
}

/** Resolves true once the child has exited, false if it is still running after `timeoutMs`. */
export function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Sends a signal to a whole detached process group, ignoring a group that is already gone. */
export function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Already exited.
  }
}

/** Initialises and starts a throwaway cluster; `stop()` shuts it down and deletes its folder. */
export async function startPostgres(options: StartPostgresOptions = {}): Promise<PostgresServer> {
  const log = options.log ?? ((line: string) => console.log(`[postgres] ${line}`));
  const bin = ensurePostgresInstalled(log);
  const runAs = postgresUser();
  // In the system temp folder: the postgres user may not be able to enter the checkout (e.g. /root/...).
  const base = mkdtempSync(path.join(os.tmpdir(), "ploeg-postgres-"));
  const dataDir = path.join(base, "data");
  const socketDir = path.join(base, "socket");
  const logFile = path.join(base, "postgres.log");
  const password = randomBytes(18).toString("base64url");
  const passwordFile = path.join(base, "password");
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  writeFileSync(logFile, "");
  mkdirSync(socketDir);
  if (runAs) {
    for (const target of [base, socketDir, passwordFile, logFile]) chownSync(target, runAs.uid, runAs.gid);
  }
  chmodSync(base, 0o700);

  const cleanup = () => rmSync(base, { recursive: true, force: true });
  try {
    const initdb = spawnSync(
      path.join(bin, "initdb"),
      ["-D", dataDir, "-U", "postgres", `--pwfile=${passwordFile}`, "--auth-host=scram-sha-256", "--auth-local=trust", "--encoding=UTF8", `--locale=${chooseLocale()}`, "--no-sync"],
      { cwd: base, encoding: "utf8", uid: runAs?.uid, gid: runAs?.gid, stdio: ["ignore", "pipe", "pipe"] },
    );
    if (initdb.error || initdb.status !== 0) {
      throw new Error(`initdb failed: ${initdb.error?.message ?? ""}\n${initdb.stdout}\n${initdb.stderr}`);
    }
    rmSync(passwordFile, { force: true });

    const port = await findFreePort(options.port ?? 54329);
    const server = spawn(
      path.join(bin, "postgres"),
      [
        "-D", dataDir,
        "-p", String(port),
        "-k", socketDir,
        "-c", "listen_addresses=127.0.0.1",
        // Throwaway data: durability only costs time here.
        "-c", "fsync=off",
        "-c", "synchronous_commit=off",
        "-c", "full_page_writes=off",
        "-c", "max_connections=200",
        "-c", "logging_collector=off",
        ...(options.sharedPreloadLibraries?.length ? ["-c", `shared_preload_libraries=${options.sharedPreloadLibraries.join(",")}`] : []),
      ],
      {
        cwd: base,
        uid: runAs?.uid,
        gid: runAs?.gid,
        // Its own process group, so stop() (or the test runner on failure) can end it and its children.
        detached: true,
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    server.stderr?.on("data", (chunk: Buffer) => {
      try {
        writeFileSync(logFile, chunk, { flag: "a" });
      } catch {
        // The folder is being removed at shutdown.
      }
    });
    const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
    const stop = async () => {
      // SIGINT is Postgres' "fast" shutdown: disconnect clients, write nothing more, exit.
      signalGroup(server.pid, "SIGINT");
      if (!(await waitForExit(server, 15_000))) {
        signalGroup(server.pid, "SIGKILL");
        await waitForExit(server, 5_000);
      }
      cleanup();
    };
    try {
      await waitUntilAccepting(url, server, logFile, 30_000);
    } catch (error) {
      await stop();
      throw error;
    }
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const version = (await client.query<{ server_version: string }>("SHOW server_version")).rows[0].server_version;
    await client.end();
    log(`PostgreSQL ${version} on 127.0.0.1:${port} (data in ${dataDir})`);
    return { url, port, version, stop };
  } catch (error) {
    cleanup();
    throw error;
  }
}

async function main(): Promise<void> {
  const server = await startPostgres();
  console.log(server.url);
  console.log("Press Ctrl-C to stop and delete the cluster.");
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  // Keep the process alive until a signal arrives.
  setInterval(() => {}, 1 << 30);
}

if (import.meta.filename === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
