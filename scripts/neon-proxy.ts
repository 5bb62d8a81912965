// A local stand-in for Neon's WebSocket proxy: each WebSocket connection on 127.0.0.1 is piped to the
// Postgres TCP port, so the Neon serverless driver can be tested against a plain server.
// Run directly: `npx tsx scripts/neon-proxy.ts <postgres-port> [listen-port]`.
import net from "node:net";
import { WebSocketServer } from "ws";

export type NeonProxy = {
  /** The value for neonConfig.wsProxy / NEON_WS_PROXY / TEST_NEON_WS_PROXY. */
  address: string;
  close: () => Promise<void>;
};

export function startNeonProxy(options: { postgresPort: number; port?: number }): Promise<NeonProxy> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: options.port ?? 0, path: "/v1" });
  server.on("connection", (socket) => {
    const upstream = net.connect(options.postgresPort, "127.0.0.1");
    upstream.on("data", (chunk) => socket.send(chunk));
    upstream.on("close", () => socket.close());
    upstream.on("error", () => socket.terminate());
    socket.on("message", (data: Buffer) => upstream.write(data));
    socket.on("close", () => upstream.end());
    socket.on("error", () => upstream.destroy());
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.once("listening", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({
        address: `127.0.0.1:${port}/v1`,
        close: () =>
          new Promise<void>((done) => {
            for (const client of server.clients) client.terminate();
            server.close(() => done());
          }),
      });
    });
  });
}

if (import.meta.filename === process.argv[1]) {
  const [postgresPort, port] = process.argv.slice(2).map(Number);
  if (!postgresPort) {
    console.error("usage: npx tsx scripts/neon-proxy.ts <postgres-port> [listen-port]");
    process.exit(2);
  }
  const proxy = await startNeonProxy({ postgresPort, port });
  console.log(`Neon WebSocket proxy on ${proxy.address} → 127.0.0.1:${postgresPort}`);
}
