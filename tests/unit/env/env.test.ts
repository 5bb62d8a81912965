// A wrong setting stops Ploeg with a message naming the variable and showing a correct example,
// never with a stack trace or a zod dump.
import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "@/lib/env";

const validSecret = "a-long-enough-random-secret-0123456789";

function configErrorOf(source: Record<string, string | undefined>): ConfigError {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`parseEnv accepted ${JSON.stringify(source)}`);
}

describe("invalid configuration gives a clear ConfigError", () => {
  const cases: Array<{ label: string; source: Record<string, string | undefined>; problem: string }> = [
    {
      label: "an SMTP_URL without a scheme",
      source: { SMTP_URL: "mail.example.nl:587" },
      problem: "SMTP_URL must look like smtp://user:password@host:587 or smtps://user:password@host:465",
    },
    {
      label: "an SMTP_URL with an http scheme",
      source: { SMTP_URL: "https://mail.example.nl" },
      problem: "SMTP_URL must look like smtp://user:password@host:587 or smtps://user:password@host:465",
    },
    {
      label: "a DATABASE_URL that is not a URL",
      source: { DATABASE_URL: "localhost:5432/ploeg" },
      problem: "DATABASE_URL must look like postgres://user:password@host:5432/database",
    },
    {
      label: "a DATABASE_URL of another database system",
      source: { DATABASE_URL: "mysql://ploeg:secret@localhost:3306/ploeg" },
      problem: "DATABASE_URL must look like postgres://user:password@host:5432/database",
    },
    {
      label: "a server driver without a DATABASE_URL",
      source: { DATABASE_DRIVER: "pg" },
      problem: "DATABASE_DRIVER=pg needs a DATABASE_URL",
    },
    {
      label: "an unknown DATABASE_DRIVER",
      source: { DATABASE_DRIVER: "sqlite" },
      problem: "DATABASE_DRIVER must be one of: pglite, pg, neon",
    },
    {
      label: "a production start without AUTH_SECRET",
      source: { NODE_ENV: "production" },
      problem: "AUTH_SECRET is required in production: generate one with `openssl rand -base64 32`",
    },
    {
      label: "a production start with an empty AUTH_SECRET",
      source: { NODE_ENV: "production", AUTH_SECRET: "   " },
      problem: "AUTH_SECRET is required in production: generate one with `openssl rand -base64 32`",
    },
    {
      label: "a production start without CRON_SECRET",
      source: { NODE_ENV: "production", AUTH_SECRET: validSecret },
      problem: "CRON_SECRET is required in production (the cron jobs send it): generate one with `openssl rand -hex 32`",
    },
    {
      label: "a production start with an empty CRON_SECRET",
      source: { NODE_ENV: "production", AUTH_SECRET: validSecret, CRON_SECRET: " " },
      problem: "CRON_SECRET is required in production (the cron jobs send it): generate one with `openssl rand -hex 32`",
    },
    {
      label: "a production start with DEV_MAILBOX=1",
      source: { NODE_ENV: "production", AUTH_SECRET: validSecret, CRON_SECRET: validSecret, DEV_MAILBOX: "1" },
      problem:
        "DEV_MAILBOX is refused in production: /dev/mail would show every organisation's mail, sign-in links included, to anyone. Set SMTP_URL to send mail",
    },
    {
      label: "an AUTH_SECRET that is too short",
      source: { AUTH_SECRET: "short" },
      problem: "AUTH_SECRET is too short: use at least 32 random characters",
    },
    {
      label: "a TRUSTED_PROXIES that is not a number of proxies",
      source: { TRUSTED_PROXIES: "nginx" },
      problem: "TRUSTED_PROXIES must be the number of proxies in front of Ploeg (0 when none), e.g. 1",
    },
    {
      label: "a MAIL_MAX_ATTEMPTS that is not a number",
      source: { MAIL_MAX_ATTEMPTS: "often" },
      problem: "MAIL_MAX_ATTEMPTS must be a whole number of delivery attempts from 1 to 20, e.g. 8",
    },
    {
      label: "a MAIL_MAX_ATTEMPTS of zero, which would give every mail up before trying",
      source: { MAIL_MAX_ATTEMPTS: "0" },
      problem: "MAIL_MAX_ATTEMPTS must be a whole number of delivery attempts from 1 to 20, e.g. 8",
    },
  ];

  it.each(cases)("$label", ({ source, problem }) => {
    const error = configErrorOf(source);
    expect(error.problems).toEqual([problem]);
    expect(error.message).toBe(`Ploeg cannot start, the configuration is not valid:\n  - ${problem}`);
  });

  it("the message reads as a list of problems, not a stack trace or a zod dump", () => {
    const error = configErrorOf({ NODE_ENV: "production", SMTP_URL: "nonsense", DATABASE_URL: "nonsense" });
    expect(error.problems).toHaveLength(2);
    for (const line of error.message.split("\n").slice(1)) expect(line).toMatch(/^ {2}- [A-Z_]+ /);
    expect(error.message).not.toMatch(/\n\s+at /);
    expect(error.message).not.toMatch(/"code"|invalid_type|ZodError/);
  });

  it("a password in a malformed URL never appears in the message", () => {
    const error = configErrorOf({ SMTP_URL: "mail.example.nl:587 user:hunter2-secret" });
    expect(error.message).not.toContain("hunter2-secret");
  });
});

describe("valid configuration", () => {
  it("a mail is tried 8 times unless MAIL_MAX_ATTEMPTS says otherwise", () => {
    expect(parseEnv({}).mailMaxAttempts).toBe(8);
    expect(parseEnv({ MAIL_MAX_ATTEMPTS: " 3 " }).mailMaxAttempts).toBe(3);
  });

  it("an empty environment runs in development on embedded PGlite with a development secret", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ nodeEnv: "development", databaseDriver: "pglite", pgliteDir: ".data/pglite", smtpUrl: undefined, devMailboxEnabled: true });
    expect(env.authSecret).toBeTypeOf("string");
  });

  it("the production build may run without AUTH_SECRET; the server may not", () => {
    expect(parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" }).authSecret).toBeUndefined();
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(ConfigError);
  });

  it("the production build may run without CRON_SECRET; the server may not", () => {
    expect(() => parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build", AUTH_SECRET: validSecret })).not.toThrow();
    expect(parseEnv({ NODE_ENV: "production", AUTH_SECRET: validSecret, CRON_SECRET: "cron-secret-0123456789" }).cronSecret).toBe("cron-secret-0123456789");
  });

  it.each([
    { label: "a plain Postgres URL uses node-postgres", url: "postgres://ploeg:pw@db.internal:5432/ploeg", driver: "pg" },
    { label: "a postgresql:// URL is accepted too", url: "postgresql://ploeg:pw@127.0.0.1/ploeg", driver: "pg" },
    { label: "a Neon URL uses the Neon driver", url: "postgres://ploeg:pw@ep-quiet-frost-123.eu-central-1.aws.neon.tech/ploeg", driver: "neon" },
  ])("$label", ({ url, driver }) => {
    expect(parseEnv({ DATABASE_URL: url, NODE_ENV: "production", AUTH_SECRET: validSecret, CRON_SECRET: validSecret }).databaseDriver).toBe(driver);
  });

  it("smtp:// and smtps:// URLs are accepted and switch the dev mailbox off", () => {
    for (const url of ["smtp://user:pw@mail.example.nl:587", "smtps://user:pw@mail.example.nl:465"]) {
      expect(parseEnv({ SMTP_URL: url })).toMatchObject({ smtpUrl: url, devMailboxEnabled: false });
    }
  });
});
