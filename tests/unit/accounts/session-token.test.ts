// The session cookie is read without Auth.js's session endpoint: only our own, unexpired tokens with
// an account id, session version and server-side session id count, also when the same token was read before.
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { readSessionToken, SESSION_CACHE_SIZE } from "@/lib/auth/session-token";
import { env } from "@/lib/env";

const salt = "authjs.session-token";
const hour = 3600;

async function token(claims: Record<string, unknown>, options: { secret?: string; maxAge?: number; salt?: string } = {}) {
  return encode({ token: claims, secret: options.secret ?? (env().authSecret as string), salt: options.salt ?? salt, maxAge: options.maxAge ?? hour });
}

describe("reading the session cookie", () => {
  it("gives the account and session version of a token we issued, again on the next request", async () => {
    const value = await token({ uid: "user-1", sv: 3, sid: "s-1" });
    expect(await readSessionToken(value, salt)).toEqual({ userId: "user-1", sessionVersion: 3, sessionId: "s-1" });
    expect(await readSessionToken(value, salt)).toEqual({ userId: "user-1", sessionVersion: 3, sessionId: "s-1" });
  });

  it("refuses a token encrypted with another secret or for the other cookie name", async () => {
    expect(await readSessionToken(await token({ uid: "user-1", sv: 1, sid: "s-1" }, { secret: "someone-elses-secret-of-32-chars!!" }), salt)).toBeNull();
    expect(await readSessionToken(await token({ uid: "user-1", sv: 1, sid: "s-1" }, { salt: "__Secure-authjs.session-token" }), salt)).toBeNull();
  });

  it("refuses a damaged token and one without an account, session version or server-side session", async () => {
    const value = await token({ uid: "user-2", sv: 1, sid: "s-1" });
    const damaged = `${value.slice(0, -6)}${value.slice(-6) === "AAAAAA" ? "BBBBBB" : "AAAAAA"}`;
    expect(await readSessionToken(damaged, salt)).toBeNull();
    expect(await readSessionToken("not-a-token", salt)).toBeNull();
    expect(await readSessionToken(await token({ uid: "user-2" }), salt)).toBeNull();
    expect(await readSessionToken(await token({ sv: 1 }), salt)).toBeNull();
    // Made before sessions were recorded on the server: nothing could sign it out, so it is refused.
    expect(await readSessionToken(await token({ uid: "user-2", sv: 1 }), salt)).toBeNull();
  });

  it("stops accepting a token once it has expired, also after it was accepted before", async () => {
    const value = await token({ uid: "user-3", sv: 1, sid: "s-1" }, { maxAge: 60 });
    const now = Date.now();
    expect(await readSessionToken(value, salt, now)).toEqual({ userId: "user-3", sessionVersion: 1, sessionId: "s-1" });
    expect(await readSessionToken(value, salt, now + 61_000 + 15_000)).toBeNull();
    expect(await readSessionToken(value, salt, now)).toEqual({ userId: "user-3", sessionVersion: 1, sessionId: "s-1" });
  });

  it("still reads tokens correctly after more distinct tokens than it keeps", async () => {
    const first = await token({ uid: "user-first", sv: 1, sid: "s-1" });
    expect(await readSessionToken(first, salt)).toEqual({ userId: "user-first", sessionVersion: 1, sessionId: "s-1" });
    const many = await Promise.all(Array.from({ length: SESSION_CACHE_SIZE + 5 }, (_, i) => token({ uid: `user-${i}`, sv: i, sid: "s-1" })));
    for (const [i, value] of many.entries()) expect(await readSessionToken(value, salt)).toEqual({ userId: `user-${i}`, sessionVersion: i, sessionId: "s-1" });
    expect(await readSessionToken(first, salt)).toEqual({ userId: "user-first", sessionVersion: 1, sessionId: "s-1" });
  });
});
