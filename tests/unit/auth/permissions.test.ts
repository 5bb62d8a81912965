// What each role may do: every role against every capability.
import { describe, expect, it } from "vitest";
import {
  canAdminister,
  canChangeSettings,
  canCoordinate,
  canManageAccountOf,
  canSeeSecurityLog,
} from "@/lib/auth/permissions";
import type { Role } from "@/lib/db/schema/people";

describe("what a role may do", () => {
  it.each([
    { role: "member", coordinate: false, administer: false, securityLog: false, settings: false },
    { role: "coordinator", coordinate: true, administer: false, securityLog: false, settings: false },
    { role: "admin", coordinate: true, administer: true, securityLog: true, settings: true },
  ] satisfies Array<{ role: Role; coordinate: boolean; administer: boolean; securityLog: boolean; settings: boolean }>)(
    "a $role: coordinate $coordinate, administer $administer, security log $securityLog, settings $settings",
    ({ role, coordinate, administer, securityLog, settings }) => {
      expect(canCoordinate(role)).toBe(coordinate);
      expect(canAdminister(role)).toBe(administer);
      expect(canSeeSecurityLog(role)).toBe(securityLog);
      expect(canChangeSettings(role)).toBe(settings);
    },
  );

  it.each([
    { actor: "member", subject: "member", allowed: false },
    { actor: "member", subject: "coordinator", allowed: false },
    { actor: "member", subject: "admin", allowed: false },
    { actor: "coordinator", subject: "member", allowed: true },
    { actor: "coordinator", subject: "coordinator", allowed: true },
    { actor: "coordinator", subject: "admin", allowed: false },
    { actor: "admin", subject: "member", allowed: true },
    { actor: "admin", subject: "coordinator", allowed: true },
    { actor: "admin", subject: "admin", allowed: true },
  ] satisfies Array<{ actor: Role; subject: Role; allowed: boolean }>)(
    "a $actor managing a $subject's account: $allowed",
    ({ actor, subject, allowed }) => {
      expect(canManageAccountOf(actor, subject)).toBe(allowed);
    },
  );
});
