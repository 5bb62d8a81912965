// The shape and limits of the sign-in security settings, without database code, so the admin's form
// (a client component) can share them with the server.
import { z } from "zod";

export const LOCKOUT_MIN = 3;
export const LOCKOUT_MAX = 20;

export type SecuritySettings = {
  twoFactorForMembers: "off" | "email";
  twoFactorForCoordinators: "off" | "email";
  lockoutThreshold: number;
};

/** As long as the sign-in form's limit (lib/accounts/sign-in/schemas.ts PASSWORD_MAX): longer is never right. */
const CONFIRM_PASSWORD_MAX = 200;

export const securitySettingsSchema = z.object({
  twoFactorForMembers: z.enum(["off", "email"], { error: "choice" }),
  twoFactorForCoordinators: z.enum(["off", "email"], { error: "choice" }),
  lockoutThreshold: z.preprocess(
    (value) => (typeof value === "string" && value.trim() !== "" ? Number(value) : value),
    z.number({ error: "lockoutRange" }).int("lockoutRange").min(LOCKOUT_MIN, "lockoutRange").max(LOCKOUT_MAX, "lockoutRange"),
  ),
  /** The admin's own password, asked only when a two-factor setting is turned off. Never stored or audited. */
  currentPassword: z
    .string()
    .max(CONFIRM_PASSWORD_MAX, "passwordWrong")
    .transform((value) => value.trim())
    .optional()
    .default(""),
});
export type SecuritySettingsInput = z.output<typeof securitySettingsSchema>;

/** Only the settings themselves, whatever else the form carried (the password must never reach the database). */
export function pickSecuritySettings(input: SecuritySettings): SecuritySettings {
  return { twoFactorForMembers: input.twoFactorForMembers, twoFactorForCoordinators: input.twoFactorForCoordinators, lockoutThreshold: input.lockoutThreshold };
}

/**
 * Whether saving `next` over `before` turns the email code off for members or for coordinators: the
 * one change that weakens sign-in for everyone, so it asks for the admin's password (a session left
 * open on a shared computer is not enough).
 */
export function turnsTwoFactorOff(before: SecuritySettings, next: Pick<SecuritySettings, "twoFactorForMembers" | "twoFactorForCoordinators">): boolean {
  return (
    (before.twoFactorForMembers === "email" && next.twoFactorForMembers === "off") ||
    (before.twoFactorForCoordinators === "email" && next.twoFactorForCoordinators === "off")
  );
}
