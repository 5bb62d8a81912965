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

export const securitySettingsSchema = z.object({
  twoFactorForMembers: z.enum(["off", "email"], { error: "choice" }),
  twoFactorForCoordinators: z.enum(["off", "email"], { error: "choice" }),
  lockoutThreshold: z.preprocess(
    (value) => (typeof value === "string" && value.trim() !== "" ? Number(value) : value),
    z.number({ error: "lockoutRange" }).int("lockoutRange").min(LOCKOUT_MIN, "lockoutRange").max(LOCKOUT_MAX, "lockoutRange"),
  ),
});
