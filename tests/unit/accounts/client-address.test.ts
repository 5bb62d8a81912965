// The address every per-client rate limit counts: a client can only choose it when we told the server
// to believe that many proxies in front of it.
import { describe, expect, it } from "vitest";
import { deriveClientAddress } from "@/lib/auth/client-address";

describe("the client address comes from the socket unless proxies are trusted", () => {
  const cases: Array<{ label: string; socket: string | undefined; forwardedFor?: string | string[]; trusted: number; expected: string | null }> = [
    { label: "no proxy: the socket's peer, whatever X-Forwarded-For claims", socket: "203.0.113.7", forwardedFor: "198.51.100.1", trusted: 0, expected: "203.0.113.7" },
    { label: "no proxy: an IPv4-mapped IPv6 socket address reads as IPv4", socket: "::ffff:203.0.113.7", trusted: 0, expected: "203.0.113.7" },
    { label: "no proxy: an IPv6 socket address", socket: "2001:DB8::1", trusted: 0, expected: "2001:db8::1" },
    { label: "no proxy and no socket address: none", socket: undefined, trusted: 0, expected: null },
    { label: "one proxy: the entry it appended", socket: "10.0.0.2", forwardedFor: "203.0.113.7", trusted: 1, expected: "203.0.113.7" },
    { label: "one proxy: a client-written entry on the left is ignored", socket: "10.0.0.2", forwardedFor: "198.51.100.1, 203.0.113.7", trusted: 1, expected: "203.0.113.7" },
    { label: "two proxies: two hops from the right", socket: "10.0.0.3", forwardedFor: "198.51.100.1, 203.0.113.7, 10.0.0.2", trusted: 2, expected: "203.0.113.7" },
    { label: "headers repeated by the client are joined before counting", socket: "10.0.0.2", forwardedFor: ["198.51.100.1", "203.0.113.7"], trusted: 1, expected: "203.0.113.7" },
    { label: "a proxy that added nothing: the socket's peer", socket: "10.0.0.2", forwardedFor: undefined, trusted: 1, expected: "10.0.0.2" },
    { label: "a shorter chain than promised: its leftmost entry", socket: "10.0.0.3", forwardedFor: "203.0.113.7", trusted: 3, expected: "203.0.113.7" },
    { label: "an address with a port from the proxy", socket: "10.0.0.2", forwardedFor: "203.0.113.7:51234", trusted: 1, expected: "203.0.113.7" },
    { label: "a bracketed IPv6 address with a port", socket: "10.0.0.2", forwardedFor: "[2001:db8::7]:443", trusted: 1, expected: "2001:db8::7" },
    { label: "garbage where the address belongs: none", socket: "10.0.0.2", forwardedFor: "not-an-address", trusted: 1, expected: null },
  ];

  it.each(cases)("$label", ({ socket, forwardedFor, trusted, expected }) => {
    expect(deriveClientAddress({ socketAddress: socket, forwardedFor, trustedProxies: trusted })).toBe(expected);
  });
});
