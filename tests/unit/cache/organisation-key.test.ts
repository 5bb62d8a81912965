// The key a page passes to the page cache for its organisation (lib/cache/tags.ts): a caller who
// names a cached function's id as a server action chooses its arguments, so only a key this server
// made may open the organisation's data.
import { describe, expect, it } from "vitest";
import { cachedForOrganisation, organisationKey, PageCacheKeyError, type OrganisationKey } from "@/lib/cache/tags";
import { setUpEnvChanges } from "@/tests/setup/env-changes";

const tenantId = "0b6d2f4e-5c1a-4f3e-9a7b-2d8c6e1f0a93";
const otherTenantId = "7f1e9c2b-3a4d-4e5f-8b6a-1c2d3e4f5a6b";
const secretInTests = process.env.AUTH_SECRET;

const changeEnv = setUpEnvChanges();
const useSecret = (secret: string | undefined) => changeEnv({ AUTH_SECRET: secret });

describe("the organisation key", () => {
  it("a key this server made opens its organisation", () => {
    expect(cachedForOrganisation(organisationKey(tenantId), "roster")).toBe(tenantId);
  });

  it("is the same for every request of an organisation, so cached fragments are shared", () => {
    expect(organisationKey(tenantId)).toBe(organisationKey(tenantId));
    expect(organisationKey(tenantId)).not.toBe(organisationKey(otherTenantId));
  });

  const made = () => organisationKey(tenantId);
  const proofOf = (key: string) => key.slice(key.lastIndexOf(".") + 1);
  it.each([
    { label: "the bare organisation id", key: () => tenantId },
    { label: "the id with a made-up proof", key: () => `${tenantId}.${"A".repeat(43)}` },
    { label: "another organisation's id with this one's proof", key: () => `${otherTenantId}.${proofOf(made())}` },
    { label: "the key with its proof cut short", key: () => made().slice(0, -2) },
    { label: "the key with an empty organisation", key: () => `.${proofOf(made())}` },
    { label: "an empty string", key: () => "" },
    { label: "an object", key: () => ({ tenantId }) },
    { label: "nothing", key: () => undefined },
  ])("refuses $label before anything is read", ({ key }) => {
    expect(() => cachedForOrganisation(key() as OrganisationKey, "roster")).toThrow(PageCacheKeyError);
  });

  it("is the same under the same AUTH_SECRET from one version to the next (its key is pinned in tests/unit/derived-keys.test.ts)", () => {
    useSecret("pinned-secret-for-derived-keys-0123456789");
    expect(organisationKey(tenantId)).toBe(`${tenantId}.pErK0gI4GgNwgYzCKKDp8dvj5tY9yqX8M8UW8ySR-Qs`);
  });

  it("a key made under another AUTH_SECRET is refused (an old build's or another installation's)", () => {
    useSecret("another-installation-secret-0123456789abcdef");
    const foreign = organisationKey(tenantId);
    useSecret(secretInTests);
    expect(() => cachedForOrganisation(foreign, "roster")).toThrow(PageCacheKeyError);
  });
});
