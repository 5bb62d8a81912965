// The app's HTTP server: Next's own request handler behind one step of ours. Before Next sees a
// request, the client's address is derived from the socket (and TRUSTED_PROXIES) and put in
// CLIENT_ADDRESS_HEADER, replacing any copy the client sent: Next itself only fills in
// X-Forwarded-For when it is missing, so a client could otherwise name any address it likes.
// Used by `npm start` (scripts/start.ts) and `npm run dev`; run directly with
// `tsx scripts/serve.ts -H 127.0.0.1 -p 3000` (NODE_ENV=production serves the build).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { NextConfig } from "next";
import { CLIENT_ADDRESS_HEADER, deriveClientAddress, markClientAddressServer } from "@/lib/auth/client-address";
import { registeredResponseCache } from "@/lib/cache/response-cache-slot";
import { env } from "@/lib/env";
import { UsageError } from "./operator-errors";

export type ServeOptions = { dev: boolean; hostname: string | undefined; port: number };

type RequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/** `-H host`/`--hostname host` and `-p port`/`--port port`, as `next start` takes them; PORT and 3000 otherwise. */
export function parseServeArgs(argv: string[], environment: NodeJS.ProcessEnv = process.env): Omit<ServeOptions, "dev"> {
  let hostname: string | undefined;
  let port = Number(environment.PORT ?? 3000);
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split("=", 2);
    const value = inline ?? argv[i + 1];
    if (flag === "-H" || flag === "--hostname") hostname = value;
    else if (flag === "-p" || flag === "--port") port = Number(value);
    else throw new Error(`unknown argument ${argv[i]}; use -H <hostname> and -p <port>`);
    if (inline === undefined) i += 1;
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`not a port number: ${port}`);
  return { hostname, port };
}

function withClientAddress(request: IncomingMessage, trustedProxies: number): void {
  const address = deriveClientAddress({
    socketAddress: request.socket.remoteAddress,
    forwardedFor: request.headers["x-forwarded-for"],
    trustedProxies,
  });
  delete request.headers[CLIENT_ADDRESS_HEADER];
  if (address) request.headers[CLIENT_ADDRESS_HEADER] = address;
}

/**
 * The configuration `next build` resolved and saved with the build, as Next's own standalone server
 * uses it: serving then neither compiles next.config.ts again nor re-applies its defaults (a few
 * hundred milliseconds of the start-up). Undefined when there is no build.
 */
function builtConfig(): NextConfig | undefined {
  const file = path.join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "required-server-files.json");
  if (!existsSync(file)) return undefined;
  const { config } = JSON.parse(readFileSync(file, "utf8")) as { config: NextConfig };
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
  return config;
}

async function prepareNext(server: Server, options: ServeOptions) {
  // Loaded here rather than at the top, so `npm start`'s settings and database checks start first.
  const conf = options.dev ? undefined : builtConfig();
  // Without a build Next would compile next.config.ts (printing its own warnings) only to fail.
  if (!options.dev && !conf) throw new UsageError(`There is no production build in ${process.env.NEXT_DIST_DIR || ".next"}: run \`npm run build\` first.`);
  const { default: next } = await import("next");
  // Given the server, Next attaches its own WebSocket upgrade (hot reloading in development) to it.
  const app = next({ dev: options.dev, dir: process.cwd(), hostname: options.hostname ?? "localhost", port: options.port, httpServer: server, conf });
  await app.prepare();
  const handler: RequestHandler = app.getRequestHandler();
  return { app, handler };
}

/**
 * Listens at once and prepares Next meanwhile; requests that arrive before Next is ready wait for
 * it. Resolves once requests are answered; rejects if listening or preparing fails.
 */
export async function serve(options: ServeOptions): Promise<void> {
  const { trustedProxies } = env();
  markClientAddressServer();
  const server = createServer((request, response) => {
    withClientAddress(request, trustedProxies);
    prepared.then(
      ({ handler }) => {
        // Member pages this server rendered for the same session, while nothing behind them changed
        // (lib/cache/response-cache.ts); registered by the app at boot in production only.
        const responses = registeredResponseCache();
        return responses ? responses.handle(request, response, () => handler(request, response)) : handler(request, response);
      },
      () => {
        // The process is on its way out with the reason on stderr.
        response.statusCode = 503;
        response.end();
      },
    );
  });
  const prepared = prepareNext(server, options);
  // Whoever awaits below sees a failure; waiting requests are answered 503 above.
  prepared.catch(() => {});
  const listening = new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, () => resolve());
  });
  const [{ app }] = await Promise.all([prepared, listening]);
  const shown = options.hostname && options.hostname !== "0.0.0.0" ? options.hostname : "localhost";
  console.log(`Ploeg ${options.dev ? "(development) " : ""}listening on http://${shown}:${options.port}`);
  let stopping = false;
  const stop = () => {
    // npm passes a signal on to the server it started, so a stop signal sent to the whole process
    // group arrives twice: the second must not end the process before the first has closed it.
    if (stopping) return;
    stopping = true;
    server.close();
    void app.close().finally(() => process.exit(0));
    // Keep-alive connections may hold close(); leave anyway.
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, stop);
}

// Run directly: by name, since bundled into dist/start.mjs this module shares that file's import.meta.url.
if (path.basename(process.argv[1] ?? "") === "serve.ts") {
  try {
    await serve({ dev: process.env.NODE_ENV !== "production", ...parseServeArgs(process.argv.slice(2)) });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
