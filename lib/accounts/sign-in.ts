// Password sign-in: checks the credentials and issues the ticket Auth.js redeems.
import { hashPassword, verifyPassword } from "./passwords";
import { getLoginByUsername, recordFailedPassword, resetFailedPasswords } from "./queries";
import { finishFirstFactor, type FirstFactorOutcome } from "./two-factor";
import type { PasswordSignInInput } from "./schemas";

export type PasswordCheck = ({ ok: true } & FirstFactorOutcome) | { ok: false; reason: "invalid" | "locked" };

// Verifying against a real hash when the username is unknown keeps the response time the same,
// so timing does not reveal which usernames exist.
let decoyHash: Promise<string> | undefined;
function getDecoyHash(): Promise<string> {
  decoyHash ??= hashPassword("decoy-password-never-used");
  return decoyHash;
}

export async function checkPassword(input: PasswordSignInInput & { destination?: string | null }): Promise<PasswordCheck> {
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
    return { ok: false, reason: lockedNow ? "locked" : "invalid" };
  }
  if (login.status !== "active") return { ok: false, reason: "invalid" };
  await resetFailedPasswords(login.userId);
  return { ok: true, ...(await finishFirstFactor({ userId: login.userId, via: "password", destination: input.destination })) };
}
