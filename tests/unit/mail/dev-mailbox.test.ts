import { describe, expect, test } from "vitest";
import { ConfigError, parseEnv } from "@/lib/env";

const secret = "a-production-secret-of-enough-length";
const production = { NODE_ENV: "production", AUTH_SECRET: secret, CRON_SECRET: secret };

describe("the development mailbox is available only without SMTP, and never in production", () => {
  test.each([
    { label: "development without SMTP", source: { NODE_ENV: "development" }, enabled: true },
    { label: "tests without SMTP", source: { NODE_ENV: "test" }, enabled: true },
    { label: "development with SMTP", source: { NODE_ENV: "development", SMTP_URL: "smtp://localhost:1025" }, enabled: false },
    { label: "production without SMTP", source: production, enabled: false },
    { label: "production with DEV_MAILBOX=0", source: { ...production, DEV_MAILBOX: "0" }, enabled: false },
  ])("$label: $enabled", ({ source, enabled }) => {
    expect(parseEnv(source).devMailboxEnabled).toBe(enabled);
  });

  test.each([
    { label: "without SMTP", source: { ...production, DEV_MAILBOX: "1" } },
    { label: "with SMTP", source: { ...production, DEV_MAILBOX: "yes", SMTP_URL: "smtps://u:p@mail.example.nl:465" } },
  ])("asking for it in production $label refuses to start", ({ source }) => {
    expect(() => parseEnv(source)).toThrow(ConfigError);
    expect(() => parseEnv(source)).toThrow(/DEV_MAILBOX is refused in production/);
  });
});
