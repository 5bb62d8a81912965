// The fixed demo accounts, kept apart from the seed so scripts and pages can print them without loading it.

/** Shared by the three demo accounts; README.md shows the same table. */
export const DEMO_PASSWORD = "Ploeg-demo-2026!";

export const DEMO_ORGANISATION_SLUG = "demo";

export const demoLogins = [
  { role: "member", username: "demo.lid", password: DEMO_PASSWORD },
  { role: "coordinator", username: "demo.coordinator", password: DEMO_PASSWORD },
  { role: "admin", username: "demo.beheerder", password: DEMO_PASSWORD },
] as const;

export type DemoLogin = (typeof demoLogins)[number];

/**
 * The demo provider's admin: no organisation, no person; manages the demo organisation from /provider.
 * Signing in asks an email code (provider admins always do), which the development mailbox shows.
 */
export const demoProviderAdmin = { username: "demo.provider", password: DEMO_PASSWORD, email: "provider@ploeg.example.org", name: "Demo Provider" } as const;
