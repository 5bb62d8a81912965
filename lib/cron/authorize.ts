// The one check every /api/cron/* route makes first, in every environment: the shared secret that
// Vercel Cron sends as "Authorization: Bearer <CRON_SECRET>". Development uses a dummy secret, never a skip.
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

export function isAuthorizedCronRequest(request: Request): boolean {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match) return false;
  // Equal-length digests make the comparison constant-time whatever was sent.
  return timingSafeEqual(digest(match[1]), digest(env().cronSecret));
}
