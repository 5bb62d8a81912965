// The pending second-factor challenge rides in an httpOnly cookie, never in a URL that could be shared.
import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { SECOND_FACTOR_MINUTES } from "@/lib/accounts/two-factor/two-factor";

export const challengeCookie = "ploeg_second_factor";

/** Behind an https address the cookie is Secure and named __Secure-…, so plain http can never set or overwrite it. */
function cookieName(): string {
  return env().secureCookies ? `__Secure-${challengeCookie}` : challengeCookie;
}

export async function holdSecondFactorChallenge(challenge: string): Promise<void> {
  const store = await cookies();
  store.set(cookieName(), challenge, {
    httpOnly: true,
    sameSite: "lax",
    secure: env().secureCookies || env().nodeEnv === "production",
    path: "/sign-in",
    maxAge: SECOND_FACTOR_MINUTES * 60,
  });
}

export async function readSecondFactorChallenge(): Promise<string | null> {
  const store = await cookies();
  return store.get(cookieName())?.value ?? null;
}

export async function dropSecondFactorChallenge(): Promise<void> {
  const store = await cookies();
  store.delete({ name: cookieName(), path: "/sign-in", secure: env().secureCookies });
}
