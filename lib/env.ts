// The only reader of process.env: every setting is validated here once, with a message an operator understands.
import { z } from "zod";

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Ploeg cannot start, the configuration is not valid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const booleanFlag = z
  .string()
  .optional()
  .transform((v) => v !== undefined && ["1", "true", "yes", "on"].includes(v.trim().toLowerCase()));

function isUrlWithProtocol(value: string, protocols: string[]): boolean {
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol);
  } catch {
    return false;
  }
}

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).catch("development"),
    DATABASE_URL: optionalString.refine((v) => v === undefined || isUrlWithProtocol(v, ["postgres:", "postgresql:"]), {
      message: "DATABASE_URL must look like postgres://user:password@host:5432/database",
    }),
    DATABASE_DRIVER: optionalString.pipe(
      z.enum(["pglite", "pg", "neon"], { message: "DATABASE_DRIVER must be one of: pglite, pg, neon" }).optional(),
    ),
    PGLITE_DIR: optionalString,
    SMTP_URL: optionalString.refine((v) => v === undefined || isUrlWithProtocol(v, ["smtp:", "smtps:"]), {
      message: "SMTP_URL must look like smtp://user:password@host:587 or smtps://user:password@host:465",
    }),
    MAIL_FROM: optionalString,
    MAIL_MAX_ATTEMPTS: optionalString.refine((v) => v === undefined || (/^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 20), {
      message: "MAIL_MAX_ATTEMPTS must be a whole number of delivery attempts from 1 to 20, e.g. 8",
    }),
    AUTH_SECRET: optionalString,
    AUTH_URL: optionalString.refine((v) => v === undefined || isUrlWithProtocol(v, ["http:", "https:"]), {
      message: "AUTH_URL must be the full address of the app, e.g. https://ploeg.example.nl",
    }),
    CRON_SECRET: optionalString,
    DEV_MAILBOX: booleanFlag,
    NEON_WS_PROXY: optionalString,
    TRUSTED_PROXIES: optionalString.pipe(
      z
        .string()
        .regex(/^\d{1,2}$/, { message: "TRUSTED_PROXIES must be the number of proxies in front of Ploeg (0 when none), e.g. 1" })
        .optional(),
    ),
    VERCEL: booleanFlag,
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_DRIVER && env.DATABASE_DRIVER !== "pglite" && !env.DATABASE_URL) {
      ctx.addIssue({ code: "custom", path: ["DATABASE_URL"], message: `DATABASE_DRIVER=${env.DATABASE_DRIVER} needs a DATABASE_URL` });
    }
  });

export type Env = {
  nodeEnv: "development" | "production" | "test";
  databaseUrl: string | undefined;
  databaseDriver: "pglite" | "pg" | "neon";
  pgliteDir: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** SMTP attempts before a mail is marked failed (its coordinators then see it in the delivery log). */
  mailMaxAttempts: number;
  authSecret: string | undefined;
  appUrl: string;
  cronSecret: string;
  /** The outbox doubles as a browsable mailbox: only without SMTP, and never in production. */
  devMailboxEnabled: boolean;
  neonWsProxy: string | undefined;
  /** Proxies in front of the app's own server whose X-Forwarded-For entries are believed (0: the socket's peer is the client). */
  trustedProxies: number;
  /** Running on Vercel, whose own x-vercel-forwarded-for header names the client. */
  onVercel: boolean;
  /** The public address is https: cookies are Secure and carry the __Secure-/__Host- prefixes. */
  secureCookies: boolean;
};

const DEV_AUTH_SECRET = "ploeg-development-secret-not-for-production-use";

function chooseDriver(url: string | undefined, explicit: "pglite" | "pg" | "neon" | undefined): Env["databaseDriver"] {
  if (explicit) return explicit;
  if (!url) return "pglite";
  // Neon's hosts end in neon.tech (or neon.build for previews); anything else is an ordinary server.
  const host = new URL(url).hostname;
  return /\.neon\.(tech|build)$/.test(host) ? "neon" : "pg";
}

/** Parses an environment object; throws ConfigError listing every problem. Exported for tests. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => i.message));
  }
  const e = result.data;
  const production = e.NODE_ENV === "production";
  const building = source.NEXT_PHASE === "phase-production-build";
  if (production && !e.AUTH_SECRET && !building) {
    throw new ConfigError(["AUTH_SECRET is required in production: generate one with `openssl rand -base64 32`"]);
  }
  if (e.AUTH_SECRET && e.AUTH_SECRET.length < 16) {
    throw new ConfigError(["AUTH_SECRET is too short: use at least 32 random characters"]);
  }
  // Without it every cron call is refused: mail would never be retried and scheduled blocks never happen.
  if (production && !e.CRON_SECRET && !building) {
    throw new ConfigError(["CRON_SECRET is required in production (the cron jobs send it): generate one with `openssl rand -hex 32`"]);
  }
  // The mailbox shows every organisation's mail, live sign-in links included, to whoever opens it.
  if (production && e.DEV_MAILBOX) {
    throw new ConfigError(["DEV_MAILBOX is refused in production: /dev/mail would show every organisation's mail, sign-in links included, to anyone. Set SMTP_URL to send mail"]);
  }
  const port = source.PORT ?? "3000";
  const appUrl = (e.AUTH_URL ?? `http://localhost:${port}`).replace(/\/+$/, "");
  return {
    nodeEnv: e.NODE_ENV,
    databaseUrl: e.DATABASE_URL,
    databaseDriver: chooseDriver(e.DATABASE_URL, e.DATABASE_DRIVER),
    pgliteDir: e.PGLITE_DIR ?? ".data/pglite",
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM ?? "Ploeg <no-reply@ploeg.local>",
    // 8: the backoff of lib/mail/outbox.ts then spans ~45 hours, bridging an SMTP outage over a weekend day.
    mailMaxAttempts: Number(e.MAIL_MAX_ATTEMPTS ?? "8"),
    authSecret: e.AUTH_SECRET ?? (production ? undefined : DEV_AUTH_SECRET),
    appUrl,
    // Only the production build gets here without one, and it serves no cron call.
    cronSecret: e.CRON_SECRET ?? (production ? crypto.randomUUID() : "development-cron-secret"),
    devMailboxEnabled: !e.SMTP_URL && !production,
    neonWsProxy: e.NEON_WS_PROXY,
    trustedProxies: Number(e.TRUSTED_PROXIES ?? "0"),
    onVercel: e.VERCEL,
    secureCookies: appUrl.startsWith("https://"),
  };
}

let cached: Env | undefined;

/** The validated environment of this process, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests change process.env between cases; this forgets the parsed copy. */
export function resetEnvCache(): void {
  cached = undefined;
}
