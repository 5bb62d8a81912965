// Which address a request came from, given how many proxies in front of the app are trusted. Pure, so
// the custom server (scripts/serve.ts) and its tests share one rule.
import { isIP } from "node:net";

/** The request header the app's own server sets to the derived client address; any incoming copy is dropped. */
export const CLIENT_ADDRESS_HEADER = "x-ploeg-client-address";

/**
 * Set by the app's own server (scripts/serve.ts) in its process, which also runs Next: only then is
 * CLIENT_ADDRESS_HEADER that server's work rather than something a client sent through a bare `next start`.
 */
const SERVER_MARK = Symbol.for("ploeg.client-address-server");

/** Marks this process as served by scripts/serve.ts, which sets CLIENT_ADDRESS_HEADER on every request. */
export function markClientAddressServer(): void {
  (globalThis as Record<symbol, unknown>)[SERVER_MARK] = true;
}

export function isClientAddressServer(): boolean {
  return (globalThis as Record<symbol, unknown>)[SERVER_MARK] === true;
}

/** Strips what proxies and Node add around an address: IPv4-mapped IPv6, brackets and a port. */
export function normaliseAddress(value: string): string {
  let address = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(address)) address = address.slice(7);
  return address.toLowerCase().slice(0, 64);
}

/**
 * The client's address. Without trusted proxies it is the socket's peer: nothing a client sends can
 * change it. Behind `trustedProxies` proxies, each of which appends the address it saw to
 * X-Forwarded-For, the client is `trustedProxies` hops from the right of X-Forwarded-For + socket;
 * entries further left were written by the client and are never read. A chain shorter than promised
 * gives its leftmost entry, and an entry that is not an IP address gives null (the caller then uses
 * one shared key, so a malformed header cannot escape a limit).
 */
export function deriveClientAddress(input: {
  socketAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trustedProxies: number;
}): string | null {
  const socket = input.socketAddress ? normaliseAddress(input.socketAddress) : "";
  if (input.trustedProxies <= 0) return isIP(socket) ? socket : null;
  const forwarded = (Array.isArray(input.forwardedFor) ? input.forwardedFor.join(",") : (input.forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, socket];
  const candidate = normaliseAddress(chain[Math.max(0, chain.length - 1 - input.trustedProxies)]);
  return isIP(candidate) ? candidate : null;
}
