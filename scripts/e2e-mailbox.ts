// The mailbox of the e2e stage. The production build has none (DEV_MAILBOX is refused there), so it
// sends every email over SMTP, as in real use, to a real SMTP server on 127.0.0.1 run here. A proxy in
// front of the build answers GET /dev/mail.json from what that server received, in the development
// mailbox's shape, and passes every other request on unchanged, so journeys read mail as before.
import http from "node:http";
import { SMTPServer, type SMTPServerDataStream } from "smtp-server";
import { extractLinks } from "@/lib/mail/preview";

export type ReceivedMail = {
  id: string;
  template: string;
  to: string;
  toName: string | null;
  subject: string;
  status: "sent";
  html: string;
  text: string;
  createdAt: string;
  links: string[];
};

export type E2eMailbox = {
  smtpUrl: string;
  received: ReceivedMail[];
  /** Listens on 127.0.0.1:`port` and forwards everything but the mailbox to 127.0.0.1:`appPort`. */
  proxy: (port: number, appPort: number) => Promise<void>;
  close: () => Promise<void>;
};

// ── MIME, as nodemailer writes it: headers, a multipart/alternative body, quoted-printable or base64 ──

type Part = { headers: Map<string, string>; body: string };

function splitPart(raw: string): Part {
  const gap = raw.search(/\r?\n\r?\n/);
  const head = gap === -1 ? raw : raw.slice(0, gap);
  const body = gap === -1 ? "" : raw.slice(gap).replace(/^\r?\n\r?\n/, "");
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeBytes(bytes: number[]): string {
  return Buffer.from(bytes).toString("utf8");
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const source = text.replace(/=\r?\n/g, "");
  for (let i = 0; i < source.length; i++) {
    const hex = source.slice(i + 1, i + 3);
    if (source[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(source[i], "utf8"));
    }
  }
  return decodeBytes(bytes);
}

function decodeBody(part: Part): string {
  const encoding = (part.headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  if (encoding === "quoted-printable") return decodeQuotedPrintable(part.body);
  if (encoding === "base64") return Buffer.from(part.body.replace(/\s+/g, ""), "base64").toString("utf8");
  return part.body;
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=), with the space between two of them dropped. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?[^?]+\?([QqBb])\?([^?]*)\?=/g, (_word, kind: string, data: string) =>
      kind.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : decodeQuotedPrintable(data.replace(/_/g, " ")),
    );
}

function leafParts(part: Part): Part[] {
  const type = part.headers.get("content-type") ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!type.toLowerCase().startsWith("multipart/") || !boundary) return [part];
  return part.body
    .split(`--${boundary}`)
    .slice(1)
    .filter((chunk) => !chunk.startsWith("--"))
    .flatMap((chunk) => leafParts(splitPart(chunk.replace(/^\r?\n/, ""))));
}

/** One received message in the development mailbox's shape. Exported for its test. */
export function readReceivedMail(raw: string, receivedAt: Date): ReceivedMail {
  const message = splitPart(raw);
  const parts = leafParts(message);
  const bodyOf = (type: string) => {
    const part = parts.find((candidate) => (candidate.headers.get("content-type") ?? "text/plain").toLowerCase().startsWith(type));
    return part ? decodeBody(part) : "";
  };
  const to = decodeHeader(message.headers.get("to") ?? "");
  const address = /<([^>]+)>/.exec(to)?.[1] ?? to;
  const name = /^"?(.*?)"?\s*</.exec(to)?.[1]?.trim() || null;
  const html = bodyOf("text/html");
  return {
    id: (message.headers.get("message-id") ?? "").replace(/^<|>$/g, ""),
    template: message.headers.get("x-ploeg-template") ?? "",
    to: address.trim(),
    toName: name,
    subject: decodeHeader(message.headers.get("subject") ?? ""),
    status: "sent",
    html,
    text: bodyOf("text/plain").replace(/\r\n/g, "\n"),
    createdAt: receivedAt.toISOString(),
    links: extractLinks(html),
  };
}

// ── The servers ──────────────────────────────────────────────────────────────────────────────────

function readStream(stream: SMTPServerDataStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    stream.on("error", reject);
  });
}

/** GET /dev/mail.json?to=address&limit=n, newest first, as the development mailbox answers it. */
function answerMailbox(received: readonly ReceivedMail[], request: http.IncomingMessage, response: http.ServerResponse): void {
  const url = new URL(request.url ?? "/", "http://127.0.0.1");
  const to = url.searchParams.get("to")?.trim().toLowerCase();
  const limit = Math.min(Math.max(Number(url.searchParams.get("limit") ?? 200) || 200, 1), 500);
  const messages = received
    .filter((mail) => !to || mail.to.toLowerCase() === to)
    .toReversed()
    .slice(0, limit);
  response.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
  response.end(JSON.stringify(messages));
}

export async function startE2eMailbox(): Promise<E2eMailbox> {
  const received: ReceivedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: the built-in self-signed certificate would make STARTTLS fail.
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      readStream(stream).then(
        (raw) => {
          received.push(readReceivedMail(raw, new Date()));
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  const address = smtp.server.address();
  if (address === null || typeof address === "string") throw new Error("the e2e SMTP server has no TCP port");

  let proxyServer: http.Server | undefined;
  return {
    smtpUrl: `smtp://127.0.0.1:${address.port}`,
    received,
    proxy: (port, appPort) => {
      proxyServer = http.createServer((request, response) => {
        if (request.method === "GET" && (request.url ?? "").split("?")[0] === "/dev/mail.json") {
          answerMailbox(received, request, response);
          return;
        }
        const upstream = http.request({ host: "127.0.0.1", port: appPort, method: request.method, path: request.url, headers: request.headers }, (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
          answer.pipe(response);
        });
        upstream.on("error", (error) => {
          response.writeHead(502, { "content-type": "text/plain" });
          response.end(`e2e proxy: ${error.message}`);
        });
        request.pipe(upstream);
      });
      const server = proxyServer;
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, "127.0.0.1", () => resolve());
      });
    },
    close: async () => {
      proxyServer?.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => (proxyServer ? proxyServer.close(() => resolve()) : resolve())),
        new Promise<void>((resolve) => smtp.close(() => resolve())),
      ]);
    },
  };
}
