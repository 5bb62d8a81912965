// Identifies the client of a request for per-client rate limits.
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER, isClientAddressServer, normaliseAddress } from "./client-address";

/** What every request shares when no trustworthy address is known: spoofing cannot escape a limit. */
export const SHARED_CLIENT_KEY = "unknown-client";

/**
 * The client's address, for rate limits only (not proof of identity). On Vercel it is Vercel's own
 * header, which Vercel overwrites; elsewhere it is what scripts/serve.ts derived from the socket and
 * TRUSTED_PROXIES. Client-supplied X-Forwarded-For is never read here.
 */
export async function getClientKey(): Promise<string> {
  const list = await headers();
  if (env().onVercel) {
    const platform = list.get("x-vercel-forwarded-for")?.split(",")[0] ?? list.get("x-real-ip");
    return platform?.trim() ? normaliseAddress(platform) : SHARED_CLIENT_KEY;
  }
  const address = isClientAddressServer() ? list.get(CLIENT_ADDRESS_HEADER) : null;
  return address ? normaliseAddress(address) : SHARED_CLIENT_KEY;
}
