// Every page a member sees carries a Content-Security-Policy with a fresh nonce (no inline scripts
// allowed), nosniff and a referrer policy, and nothing on them is blocked by it. Pages whose address
// is a secret (sign-in and reset links) send no referrer at all.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectSecurePage, watchPolicyViolations } from "./support/security-headers";
import { signInWithPassword } from "./support/sign-in";

const memberPages = ["/my", "/my/shifts", "/my/people", "/my/people/photos", "/my/profile", "/my/calendar", "/my/account", "/my/account/two-factor"];

test("every page a member visits carries the security headers and runs without a policy violation", async ({ page }) => {
  test.setTimeout(90_000);
  const console = await watchPolicyViolations(page);
  const policies = new Set<string>();
  for (const path of ["/sign-in", "/sign-in/forgot", "/sign-in/request"]) policies.add(await expectSecurePage(page, path, console));

  await signInWithPassword(page, "demo.lid", "Ploeg-demo-2026!", "tap");
  await expect(page).toHaveURL(/\/my(\?|$)/);

  for (const path of memberPages) policies.add(await expectSecurePage(page, path, console));
  // A fresh nonce for every page.
  expect(policies.size).toBe(memberPages.length + 3);
});

test("sign-in and reset links send no referrer", async ({ request }) => {
  const token = randomBytes(32).toString("base64url");
  for (const path of [`/l/${token}`, `/sign-in/reset/${token}`]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.headers()["referrer-policy"], path).toBe("no-referrer");
    expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
  }
});
