// Every dashboard page a coordinator sees carries a Content-Security-Policy with a fresh nonce (no
// inline scripts allowed), nosniff and a referrer policy, and nothing on them is blocked by it.
import { expect, test } from "@playwright/test";
import { expectSecurePage, watchPolicyViolations } from "../support/security-headers";
import { signInWithPassword } from "../support/sign-in";

const dashboardPages = [
  "/dashboard",
  "/dashboard/roster",
  "/dashboard/roster/new",
  "/dashboard/people",
  "/dashboard/people/new",
  "/dashboard/people/import",
  "/dashboard/groups",
  "/dashboard/locations",
  "/dashboard/settings",
  "/dashboard/settings/organisation",
  "/dashboard/settings/security",
  "/dashboard/settings/profile-fields",
  "/dashboard/audit",
];

test("every page a coordinator visits carries the security headers and runs without a policy violation", async ({ page }) => {
  test.setTimeout(90_000);
  const console = await watchPolicyViolations(page);
  await signInWithPassword(page, "demo.coordinator", "Ploeg-demo-2026!");
  await expect(page).toHaveURL(/\/my$/);

  const policies = new Set<string>();
  for (const path of dashboardPages) policies.add(await expectSecurePage(page, path, console));
  expect(policies.size).toBe(dashboardPages.length);
});
