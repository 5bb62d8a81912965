// Auth.js: the session cookie only. Every check (password, lockout, two-factor, links) happens in the
// accounts domain first; the Credentials provider then redeems the single-use ticket that proves it.
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth, { type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { redeemLoginTicket } from "@/lib/accounts/queries";
import { SESSION_LIFETIME_DAYS } from "@/lib/accounts/sign-in/session-rules";
import { getDb } from "@/lib/db/client";
import { authAccounts, authSessions, authVerificationTokens, users } from "@/lib/db/schema/accounts";
import { env } from "@/lib/env";

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
    sessionId?: string;
  }
  interface Session {
    uid?: string;
    sv?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    /** The server-side session (auth_sessions) this cookie belongs to: sign-out deletes it. */
    sid?: string;
  }
}

async function buildConfig(): Promise<NextAuthConfig> {
  const db = await getDb();
  const settings = env();
  return {
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: authAccounts,
      sessionsTable: authSessions,
      verificationTokensTable: authVerificationTokens,
    }),
    secret: settings.authSecret,
    // Off Vercel the host header is trusted only because AUTH_URL fixes every link we build.
    trustHost: true,
    // The cookie lives as long as the server-side session may (lib/accounts/sign-in/session-rules.ts);
    // the row decides, so signing out, idling and blocking end it before that.
    session: { strategy: "jwt", maxAge: SESSION_LIFETIME_DAYS * 24 * 60 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      Credentials({
        credentials: { ticket: {} },
        authorize: async (credentials) => {
          const ticket = typeof credentials?.ticket === "string" ? credentials.ticket : "";
          if (!ticket || ticket.length > 200) return null;
          const claims = await redeemLoginTicket(ticket);
          return claims ? { id: claims.userId, sessionVersion: claims.sessionVersion, sessionId: claims.sessionId } : null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user?.id) {
          token.uid = user.id;
          token.sv = user.sessionVersion;
          token.sid = user.sessionId;
        }
        return token;
      },
      // The account id and session version only; everything else is read from Postgres per request.
      session({ session, token }) {
        return { ...session, uid: token.uid, sv: token.sv };
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => buildConfig());
