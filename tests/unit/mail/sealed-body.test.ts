// Outbox bodies sealed at rest (lib/mail/sealed-body.ts): a body sealed before a change of this code
// must still open, or every message waiting for a retry (and every failed one kept for a week) is lost.
import { describe, expect, it } from "vitest";
import { openMailBody, sealMailBody, UnreadableMailBodyError } from "@/lib/mail/sealed-body";
import { setUpEnvChanges } from "@/tests/setup/env-changes";

const pinnedSecret = "pinned-secret-for-derived-keys-0123456789";
const secretInTests = process.env.AUTH_SECRET;
const owner = { id: "4c8e2a1f-6b3d-4e7a-9f0c-5d2b8a1e3c7f", toAddress: "sanne@example.org" };
const body = { subject: "Je aanmeldlink", html: "<p>https://ploeg.example.nl/login?token=abc</p>", text: "https://ploeg.example.nl/login?token=abc" };
/** Sealed under `pinnedSecret` for `owner` by the code as it was before the key derivation moved to lib/derived-keys.ts. */
const sealedBefore =
  "v1.OBSLgyGKP1lIwnte.gi0E23OoV7SYfharTlkW5fSwOheM9GoP_8hIVaX21S0VhdVQ58xIBDNA5-gZrdHYRORsdcLVmkVCWWGJUJfKULf6e7BiD0m5e_nuFUJ2E6xC8kLr8zVwXPO8kxPyRmzo7d7AlTZMsctCkvB68am5j7Hdo6LGSRJy56Qy8RGKw7m5f1mewZhxQu90pYHqh5xg1VmntdNcwg";

const changeEnv = setUpEnvChanges();
const useSecret = (secret: string | undefined) => changeEnv({ AUTH_SECRET: secret });

describe("a sealed outbox body", () => {
  it("sealed by an earlier version under the same AUTH_SECRET still opens", () => {
    useSecret(pinnedSecret);
    expect(openMailBody(owner, sealedBefore)).toEqual(body);
  });

  it("opens for the row it was sealed for", () => {
    expect(openMailBody(owner, sealMailBody(owner, body))).toEqual(body);
  });

  it.each([
    { label: "another AUTH_SECRET", secret: secretInTests, openedFor: owner },
    { label: "another row", secret: pinnedSecret, openedFor: { ...owner, id: "7f1e9c2b-3a4d-4e5f-8b6a-1c2d3e4f5a6b" } },
    { label: "another address", secret: pinnedSecret, openedFor: { ...owner, toAddress: "mallory@example.org" } },
  ])("does not open under $label", ({ secret, openedFor }) => {
    useSecret(secret);
    expect(() => openMailBody(openedFor, sealedBefore)).toThrow(UnreadableMailBodyError);
  });
});
