// The page a blocked member lands on when they tap on (an email link, or a session that was still
// open): which organisation blocked access and whom to ask. The organisation travels in the URL,
// signed with AUTH_SECRET, so nobody can make the page show another organisation's address.
import { createHmac, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { organisations } from "@/lib/db/schema/tenancy";
import { env } from "@/lib/env";

export const BLOCKED_NOTICE_PATH = "/sign-in/blocked";

function signatureOf(tenantId: string): string {
  const secret = env().authSecret ?? "";
  return createHmac("sha256", secret).update(`blocked-notice:${tenantId}`).digest("base64url").slice(0, 22);
}

/** The blocked page for a member of `tenantId`. */
export function blockedNoticePath(tenantId: string): string {
  return `${BLOCKED_NOTICE_PATH}?o=${tenantId}.${signatureOf(tenantId)}`;
}

/** The organisation named by a blocked page's `o` parameter, or null when it is missing or not ours. */
export function readBlockedNotice(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{22})$/.exec(value);
  if (!match) return null;
  const expected = Buffer.from(signatureOf(match[1]));
  const given = Buffer.from(match[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? match[1] : null;
}

export type BlockedNoticeContact = { organisationName: string; email: string | null };

/** The organisation's name and contact address for the blocked page. */
export async function getBlockedNoticeContact(tenantId: string): Promise<BlockedNoticeContact | null> {
  const db = await getDb();
  const [row] = await db
    .select({ organisationName: organisations.name, email: organisations.email })
    .from(organisations)
    .where(eq(organisations.id, tenantId))
    .limit(1);
  return row ?? null;
}
