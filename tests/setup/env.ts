// Every test process starts from the same, explicit environment: no SMTP, test mode.
(process.env as Record<string, string>).NODE_ENV = "test";
process.env.AUTH_SECRET ??= "test-secret-with-enough-length-0123456789";
process.env.AUTH_URL ??= "http://localhost:3000";
delete process.env.SMTP_URL;
