// A real SMTP server on 127.0.0.1 for mail tests: it records what it accepts and can be told to refuse.
import { SMTPServer, type SMTPServerDataStream } from "smtp-server";

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
