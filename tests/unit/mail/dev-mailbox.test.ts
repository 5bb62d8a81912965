import { describe, expect, test } from "vitest";
import { parseEnv } from "@/lib/env";

const secret = "a-production-secret-of-enough-length";

describe("the development mailbox is available only without SMTP, and in production only when asked for", () => {
  test.each([
    { label: "development without SMTP", source: { NODE_ENV: "development" }, enabled: true },
    { label: "tests without SMTP", source: { NODE_ENV: "test" }, enabled: true },
    { label: "development with SMTP", source: { NODE_ENV: "development", SMTP_URL: "smtp://localhost:1025" }, enabled: false },
    { label: "production without SMTP", source: { NODE_ENV: "production", AUTH_SECRET: secret }, enabled: false },
    { label: "production with DEV_MAILBOX=1", source: { NODE_ENV: "production", AUTH_SECRET: secret, DEV_MAILBOX: "1" }, enabled: true },
    { label: "production with DEV_MAILBOX=0", source: { NODE_ENV: "production", AUTH_SECRET: secret, DEV_MAILBOX: "0" }, enabled: false },
    {
      label: "production with DEV_MAILBOX=1 and SMTP",
      source: { NODE_ENV: "production", AUTH_SECRET: secret, DEV_MAILBOX: "1", SMTP_URL: "smtps://u:p@mail.example.nl:465" },
      enabled: false,
    },
  ])("$label: $enabled", ({ source, enabled }) => {
    expect(parseEnv(source).devMailboxEnabled).toBe(enabled);
  });
});
