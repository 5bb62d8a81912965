// Password sign-in: checks the credentials and issues the ticket Auth.js redeems.
import { notifyAccountLocked } from "@/lib/accounts/sign-in/lockout";
import { hashPassword, verifyPassword } from "@/lib/accounts/passwords/hashing";
import { claimTemporaryPasswordUse } from "@/lib/accounts/passwords/changes";
import { getLoginByUsername, recordFailedPassword, resetFailedPasswords } from "@/lib/accounts/queries";
import { finishFirstFactor, type FirstFactorOutcome } from "@/lib/accounts/two-factor/two-factor";
import type { PasswordSignInInput } from "@/lib/accounts/sign-in/schemas";

export type PasswordCheck =
  | ({ ok: true } & FirstFactorOutcome)
  | { ok: false; reason: "invalid" | "locked" | "temporaryUsed" | "temporaryExpired" };

// Verifying against a real hash when the username is unknown keeps the response time the same,
// so timing does not reveal which usernames exist.
let decoyHash: Promise<string> | undefined;
function getDecoyHash(): Promise<string> {
  decoyHash ??= hashPassword("decoy-password-never-used");
  return decoyHash;
}

export async function checkPassword(
  input: PasswordSignInInput & { destination?: string | null },
  now: Date = new Date(),
): Promise<PasswordCheck> {
  const login = await getLoginByUsername(input.username);
  if (!login || !login.passwordHash) {
    await verifyPassword(await getDecoyHash(), input.password);
    return { ok: false, reason: "invalid" };
  }
  const valid = await verifyPassword(login.passwordHash, input.password);
  // A locked account stays locked even for the right password, until a coordinator unlocks it or the
  // member completes a password reset.
  if (login.lockedAt) return { ok: false, reason: "locked" };
  if (!valid) {
    const lockedNow = await recordFailedPassword(login.userId, login.lockoutThreshold);
    // Exactly one notice per lock: only the failure that locked the account reports lockedNow.
    // A blocked member already had their notice and cannot act on this one.
    if (lockedNow && login.status === "active") await notifyAccountLocked(login.userId);
    return { ok: false, reason: lockedNow ? "locked" : "invalid" };
  }
  if (login.status !== "active") return { ok: false, reason: "invalid" };
  // A coordinator-set temporary password signs in once, within 14 days.
  const temporary = await claimTemporaryPasswordUse(login.userId, now);
  if (temporary === "used") return { ok: false, reason: "temporaryUsed" };
  if (temporary === "expired") return { ok: false, reason: "temporaryExpired" };
  await resetFailedPasswords(login.userId);
  return { ok: true, ...(await finishFirstFactor({ userId: login.userId, via: "password", destination: input.destination }, now)) };
}
