// The lint rule that keeps every "use cache" function behind its organisation-key check: Next runs
// such a function for any POST naming it, with arguments of the caller's choosing.
import { RuleTester } from "eslint";
import tsParser from "@typescript-eslint/parser";
import { describe, it } from "vitest";
import { cachedForOrganisationRule } from "@/scripts/lint/cached-for-organisation.mjs";

RuleTester.describe = describe;
RuleTester.it = it;

const tester = new RuleTester({ languageOptions: { parser: tsParser, ecmaVersion: "latest", sourceType: "module", parserOptions: { ecmaFeatures: { jsx: true } } } });

tester.run("cached-for-organisation", cachedForOrganisationRule, {
  valid: [
    // The key checked first, its id used after.
    `async function read(organisation: OrganisationKey, day: string) { "use cache"; const tenantId = cachedForOrganisation(organisation, "roster"); return list(tenantId, day); }`,
    // A component takes it as a prop.
    `async function Strip({ organisation, day }: Props) { "use cache"; cachedForOrganisation(organisation); return <div>{await t(day)}</div>; }`,
    // Work without an await may come first.
    `async function read(organisation: OrganisationKey, f: F) { "use cache"; const domains = f.x ? ["a"] : ["b"]; const id = cachedForOrganisation(organisation, ...domains); return await list(id); }`,
    // Functions that are not cached are not its business.
    `async function read(tenantId: string) { return await list(tenantId); }`,
  ],
  invalid: [
    // No check at all: anyone could read any organisation's data through it.
    { code: `async function read(tenantId: string) { "use cache"; return await list(tenantId); }`, errors: [{ messageId: "missing" }] },
    // Checked only after reading.
    { code: `async function read(organisation: OrganisationKey) { "use cache"; const rows = await list(); cachedForOrganisation(organisation); return rows; }`, errors: [{ messageId: "missing" }] },
    // The key checked is not the one the function was called with.
    { code: `async function read(organisation: OrganisationKey, other: OrganisationKey) { "use cache"; cachedForOrganisation(other); return await list(); }`, errors: [{ messageId: "missing" }] },
    // An arrow function is cached too.
    { code: `const read = async (id: string) => { "use cache"; return list(id); };`, errors: [{ messageId: "missing" }] },
    // "use cache: private" and the like are held to the same.
    { code: `async function read(id: string) { "use cache: private"; return list(id); }`, errors: [{ messageId: "missing" }] },
    // A whole file marked cached.
    { code: `"use cache";\nexport async function read(organisation: OrganisationKey) { cachedForOrganisation(organisation); return list(); }`, errors: [{ messageId: "fileLevel" }] },
  ],
});
