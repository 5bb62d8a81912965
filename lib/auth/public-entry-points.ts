// The one list of entry points that are public by design, each with the reason. Everything else a build
// exposes (every server action, every route handler) is built with the guards in lib/auth/guards.ts
// and lib/auth/route-guards.ts; tests/security/guards-from-build.test.ts enumerates the build and fails
// on any entry point that is neither guarded nor listed here.

/** Server actions a caller without a session must reach, keyed "<source file>#<exported name>". */
export const publicActions: Record<string, string> = {
  "lib/accounts/sign-in/actions.ts#signInWithPassword": "signing in is what a caller without a session does; rate-limited per client",
  "lib/accounts/sign-in/actions.ts#signOutMember": "ends whatever session the browser holds; without one there is nothing to end",
  "lib/accounts/recovery/actions.ts#requestLoginByEmail": "'login opvragen' is for members who cannot sign in; answers the same for every address",
  "lib/accounts/recovery/actions.ts#requestPasswordResetByUsername": "'wachtwoord vergeten' is for members who cannot sign in",
  "lib/accounts/recovery/actions.ts#setPasswordWithResetLink": "the single-use reset token in the form is the credential",
  "lib/accounts/two-factor/actions.ts#verifySignInCode": "finishes a sign-in; the signed challenge cookie and the code are the credential",
  "lib/accounts/two-factor/actions.ts#resendSignInCode": "part of finishing a sign-in; needs the signed challenge cookie",
};

/**
 * Route handlers that do not use memberRoute/coordinatorRoute, keyed by the route's app path as the
 * build lists it (route groups included, without the trailing "/route").
 */
export const publicRoutes: Record<string, string> = {
  "/api/auth/[...nextauth]": "Auth.js's own endpoints (session, CSRF, sign-out); Auth.js checks them",
  "/(auth)/l/[token]": "the sign-in link in every member email: the single-use token is the credential",
  "/(auth)/sign-in/ended": "clears the cookie of a session that was refused (blocked, signed out, expired) and redirects; serves no data",
  "/api/calendar/[token]": "calendar apps cannot sign in: the secret feed token in the address is the credential",
  "/api/calendar/shift/[id]": "the add-to-calendar link in an email: the HMAC signature in the address is the credential",
  "/api/cron/hours-reminders": "scheduler only: refused without the CRON_SECRET bearer token (lib/cron/authorize.ts)",
  "/api/cron/outbox": "scheduler only: refused without the CRON_SECRET bearer token (lib/cron/authorize.ts)",
  "/api/cron/scheduled-blocks": "scheduler only: refused without the CRON_SECRET bearer token (lib/cron/authorize.ts)",
  "/dev/mail.json": "the development mailbox; answers 404 unless the mailbox is switched on (lib/env.ts)",
  "/icon.svg": "the app icon, a static file",
};
