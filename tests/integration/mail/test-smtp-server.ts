// A real SMTP server on 127.0.0.1 for mail tests: it records what it accepts and can be told to refuse;
// and the setup a delivery test file shares: its database, the server, a clean outbox and SMTP env per test.
import { SMTPServer, type SMTPServerDataStream } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import type { Db } from "@/lib/db/client";
import { outbox } from "@/lib/db/schema/platform";
import { resetEnvCache } from "@/lib/env";
import { setUpTestDatabase, type TestDatabase } from "@/tests/setup/database";

export type ReceivedMail = { from: string; to: string[]; raw: string; subject: string };

export type TestSmtpServer = {
  url: string;
  received: ReceivedMail[];
  /** While set, every recipient is refused with this temporary (4xx) error. */
  refuseWith: string | null;
  close: () => Promise<void>;
};

function readStream(stream: SMTPServerDataStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    stream.on("error", reject);
  });
}

/** The Subject header with folded lines joined; tests use ASCII subjects, so no MIME decoding. */
function subjectOf(raw: string): string {
  const headers = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, " ");
  return /^Subject: (.*)$/im.exec(headers)?.[1]?.trim() ?? "";
}

/** `port`: listen on this port (a server "coming back" where it was); a random free one by default. */
export async function startTestSmtpServer(port = 0): Promise<TestSmtpServer> {
  const state: TestSmtpServer = { url: "", received: [], refuseWith: null, close: async () => {} };
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP: the built-in self-signed certificate would make nodemailer's STARTTLS fail.
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (state.refuseWith) {
        callback(Object.assign(new Error(state.refuseWith), { responseCode: 451 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      readStream(stream).then(
        (raw) => {
          state.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            raw,
            subject: subjectOf(raw),
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
  const address = server.server.address();
  if (address === null || typeof address === "string") throw new Error("SMTP test server has no TCP port");
  state.url = `smtp://127.0.0.1:${address.port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

export type MailDeliveryTest = {
  database: TestDatabase;
  /** The running server; after `restartSmtpServer`, the new one. */
  smtp: TestSmtpServer;
  /** Starts the server again on `port` (after a test stopped it), and `smtp` is that one from then on. */
  restartSmtpServer: (port: number) => Promise<void>;
};

/**
 * A delivery test file's database and SMTP server: both started before its first test, then
 * `prepare` runs (the organisations and people the file mails); both closed after its last test.
 * Before each test the outbox is empty, the server has received nothing and accepts again, SMTP_URL
 * points at the server if `sendThroughServer`, and `env` is set (a name mapped to undefined is
 * removed); after each, SMTP_URL and the names in `env` are back to what they were.
 */
export function setUpMailDelivery(options: {
  sendThroughServer?: boolean;
  env?: Record<string, string | undefined>;
  prepare?: (db: Db) => Promise<void>;
} = {}): MailDeliveryTest {
  const database = setUpTestDatabase();
  let server: TestSmtpServer | undefined;
  const current = (): TestSmtpServer => {
    if (!server) throw new Error("The SMTP test server runs only inside hooks and tests");
    return server;
  };
  const smtp: TestSmtpServer = {
    get url() {
      return current().url;
    },
    get received() {
      return current().received;
    },
    get refuseWith() {
      return current().refuseWith;
    },
    set refuseWith(value) {
      current().refuseWith = value;
    },
    close: () => current().close(),
  };
  const env = options.env ?? {};
  const names = ["SMTP_URL", ...Object.keys(env)];
  const original = new Map(names.map((name) => [name, process.env[name]]));

  beforeAll(async () => {
    server = await startTestSmtpServer();
    await options.prepare?.(database.db);
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    await database.db.delete(outbox);
    smtp.received.length = 0;
    smtp.refuseWith = null;
    if (options.sendThroughServer) process.env.SMTP_URL = smtp.url;
    for (const [name, value] of Object.entries(env)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetEnvCache();
  });
  afterEach(() => {
    for (const [name, value] of original) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetEnvCache();
  });

  return {
    database,
    smtp,
    restartSmtpServer: async (port) => {
      server = await startTestSmtpServer(port);
    },
  };
}
