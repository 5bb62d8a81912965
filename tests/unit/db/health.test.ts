// An unreachable database is reported as one actionable line, quickly, whatever the driver.
import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/lib/db/client";
import { assertDatabaseReachable, DatabaseUnreachableError } from "@/lib/db/health";
import { startNeonProxy, type NeonProxy } from "@/scripts/neon-proxy";

const opened: DatabaseHandle[] = [];
const servers: net.Server[] = [];
const sockets: net.Socket[] = [];
const proxies: NeonProxy[] = [];

afterAll(async () => {
  // Hang up first: a socket still open would keep both the server and the pool waiting.
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  await Promise.all(proxies.map((p) => p.close()));
  await Promise.all(opened.map((h) => h.close().catch(() => {})));
});

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1" }, () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });
}

/** A port on 127.0.0.1 that nothing listens on (bound by the OS, then released). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Accepts TCP connections and never answers: a database that hangs. */
async function silentPort(): Promise<number> {
  const server = net.createServer((socket) => {
    sockets.push(socket);
  });
  servers.push(server);
  return listen(server);
}

async function open(driver: "pg" | "neon", url: string, neonWsProxy?: string): Promise<DatabaseHandle> {
  const handle = await openDatabase({ driver, url, neonWsProxy, poolSize: 1 });
  opened.push(handle);
  return handle;
}

async function reachabilityError(handle: DatabaseHandle, url: string, timeoutMs = 3_000): Promise<DatabaseUnreachableError> {
  const error = await assertDatabaseReachable(handle, { url, timeoutMs }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatabaseUnreachableError);
  return error as DatabaseUnreachableError;
}

describe("assertDatabaseReachable", () => {
  it("node-postgres on a closed port: names host and port and points at DATABASE_URL, within a second", async () => {
    const port = await closedPort();
    const url = `postgres://ploeg:secret-password@127.0.0.1:${port}/ploeg`;
    const started = Date.now();
    const error = await reachabilityError(await open("pg", url), url);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(error.message).toBe(`Kan de database niet bereiken op 127.0.0.1:${port} — controleer DATABASE_URL`);
    expect(error.cause).toBeDefined();
  });

  it("the message is one line and never contains the password", async () => {
    const port = await closedPort();
    const url = `postgres://ploeg:secret-password@127.0.0.1:${port}/ploeg`;
    const error = await reachabilityError(await open("pg", url), url);
    expect(error.message).not.toContain("\n");
    expect(error.message).not.toContain("secret-password");
  });

  it("the Neon driver through a proxy whose Postgres port is closed gives the same message", async () => {
    const postgresPort = await closedPort();
    const proxy = await startNeonProxy({ postgresPort });
    proxies.push(proxy);
    const url = `postgres://ploeg:secret-password@127.0.0.1:${postgresPort}/ploeg`;
    const error = await reachabilityError(await open("neon", url, proxy.address), url);
    expect(error.message).toBe(`Kan de database niet bereiken op 127.0.0.1:${postgresPort} — controleer DATABASE_URL`);
  });

  it("the Neon driver with no proxy listening gives the same message", async () => {
    const proxyPort = await closedPort();
    const url = "postgres://ploeg:secret-password@db.example.neon.tech/ploeg";
    const error = await reachabilityError(await open("neon", url, `127.0.0.1:${proxyPort}/v1`), url);
    expect(error.message).toBe("Kan de database niet bereiken op db.example.neon.tech:5432 — controleer DATABASE_URL");
  });

  it("a server that accepts connections but never answers times out with the same message", async () => {
    const port = await silentPort();
    const url = `postgres://ploeg:secret-password@127.0.0.1:${port}/ploeg`;
    const started = Date.now();
    const error = await reachabilityError(await open("pg", url), url, 300);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error.message).toBe(`Kan de database niet bereiken op 127.0.0.1:${port} — controleer DATABASE_URL (geen antwoord binnen 0.3 s)`);
  });
});
