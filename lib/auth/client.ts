// Identifies the client of a request for per-client rate limits.
import { headers } from "next/headers";

/**
 * The client's IP address as the hosting proxy reports it (Vercel and most proxies put the client
 * first in x-forwarded-for). Not proof of identity: only used to bound request rates.
 */
export async function getClientKey(): Promise<string> {
  const list = await headers();
  const forwarded = list.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || list.get("x-real-ip") || "unknown").slice(0, 64);
}
