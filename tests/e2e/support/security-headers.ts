// Checks shared by the member and coordinator header journeys: the page's own response carries a
// nonce-based Content-Security-Policy and the other security headers, and the browser reported no
// policy violation while the page loaded and ran.
import { expect, type Page } from "@playwright/test";

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

/** Collects securitypolicyviolation events from the first script on every page (added before any page script runs). */
export async function watchPolicyViolations(page: Page): Promise<string[]> {
  const console: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.cspViolations?.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
    });
  });
  return console;
}

/** Opens `path`, checks its headers and that nothing was blocked; returns the policy for further checks. */
export async function expectSecurePage(page: Page, path: string, consoleViolations: string[]): Promise<string> {
  const response = await page.goto(path);
  expect(response, path).not.toBeNull();
  expect(response!.status(), path).toBeLessThan(400);
  // Let the client code hydrate and run.
  await page.waitForLoadState("networkidle");
  const headers = await response!.allHeaders();
  const policy = headers["content-security-policy"] ?? "";
  const directives = new Map(policy.split(";").map((part) => { const [name, ...values] = part.trim().split(/\s+/); return [name, values] as const; }));
  const scripts = directives.get("script-src") ?? [];
  expect(scripts.some((value) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(value)), `${path}: script nonce in ${policy}`).toBe(true);
  expect(scripts, path).not.toContain("'unsafe-inline'");
  expect(directives.get("object-src"), path).toEqual(["'none'"]);
  expect(directives.get("base-uri"), path).toEqual(["'none'"]);
  expect(directives.get("frame-ancestors"), path).toEqual(["'none'"]);
  expect(headers["x-content-type-options"], path).toBe("nosniff");
  expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
  // Next put the nonce on its scripts (the browser hides the attribute, the property keeps it).
  const nonce = scripts.find((value) => value.startsWith("'nonce-"))!.slice(7, -1);
  const scriptNonces = await page.locator("script").evaluateAll((elements) => elements.map((element) => (element as HTMLScriptElement).nonce));
  expect(scriptNonces.length, path).toBeGreaterThan(0);
  for (const scriptNonce of scriptNonces) expect(scriptNonce, path).toBe(nonce);
  expect(await page.evaluate(() => window.cspViolations ?? []), path).toEqual([]);
  expect(consoleViolations, path).toEqual([]);
  return policy;
}
