// Keys derived from AUTH_SECRET (lib/derived-keys.ts): the page cache's organisation key and the key of
// sealed outbox bodies. Their bytes are pinned: a change of salt, hash, label or length would leave
// every stored sealed body unreadable and refuse every organisation key a page made.
import { describe, expect, it } from "vitest";
import { derivedKey } from "@/lib/derived-keys";
import { setUpEnvChanges } from "@/tests/setup/env-changes";

const pinnedSecret = "pinned-secret-for-derived-keys-0123456789";
const secretInTests = process.env.AUTH_SECRET;

const changeEnv = setUpEnvChanges();

describe("keys derived from AUTH_SECRET", () => {
  it.each([
    { label: "ploeg outbox body v1", hex: "77bc936801a7c354539449cb4d1f7b4df68cb40473825a3e922499e3e51c6d09" },
    { label: "ploeg page cache organisation key v1", hex: "3563d079dc860833bef1320255435b4d6e5fb381d48f03a9ed90195bf1759070" },
  ])("'$label' is HKDF-SHA256 of the secret, empty salt, 32 bytes: the same bytes as ever", ({ label, hex }) => {
    changeEnv({ AUTH_SECRET: pinnedSecret });
    expect(derivedKey(label).toString("hex")).toBe(hex);
  });

  it("each label has a key of its own", () => {
    expect(derivedKey("ploeg outbox body v1").equals(derivedKey("ploeg page cache organisation key v1"))).toBe(false);
  });

  it("a shorter key is asked for by its length and is not the longer one's cached copy", () => {
    changeEnv({ AUTH_SECRET: pinnedSecret });
    expect(derivedKey("ploeg outbox body v1").length).toBe(32);
    expect(derivedKey("ploeg outbox body v1", 16).toString("hex")).toBe("77bc936801a7c354539449cb4d1f7b4d");
  });

  it("follows a changed AUTH_SECRET rather than keeping the key of the old one", () => {
    const before = derivedKey("ploeg outbox body v1");
    changeEnv({ AUTH_SECRET: pinnedSecret });
    expect(derivedKey("ploeg outbox body v1").equals(before)).toBe(false);
    changeEnv({ AUTH_SECRET: secretInTests });
    expect(derivedKey("ploeg outbox body v1").equals(before)).toBe(true);
  });

  it("without AUTH_SECRET (only the production build runs without one) it refuses, naming the variable", () => {
    changeEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build", AUTH_SECRET: undefined });
    expect(() => derivedKey("ploeg outbox body v1")).toThrow(/AUTH_SECRET is needed/);
  });
});
