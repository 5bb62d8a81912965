// Input shapes for two-factor sign-in and the authenticator app, shared by forms and actions.
import { z } from "zod";

/** Longer than any code a person could mean; a 10 kB paste is refused before anything else happens. */
const CODE_INPUT_MAX = 32;

/**
 * A 6-digit code as people type or paste it: spaces, dashes and dots between the digits ("123 456",
 * "123-456") are dropped. Messages are translation keys in the "twoFactor" namespace.
 */
export const sixDigitCodeSchema = z
  .string()
  .max(CODE_INPUT_MAX, "codeFormat")
  .transform((value) => value.replace(/[\s.\-]/g, ""))
  .pipe(z.string().min(1, "codeRequired").regex(/^\d{6}$/, "codeFormat"));

export const secondFactorCodeSchema = z.object({ code: sixDigitCodeSchema });
export type SecondFactorCodeInput = z.infer<typeof secondFactorCodeSchema>;

/** Challenge tokens are 32 random bytes in base64url (43 characters); anything else was tampered with. */
export const challengeTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const confirmAuthenticatorSchema = z.object({ code: sixDigitCodeSchema });
export type ConfirmAuthenticatorInput = z.infer<typeof confirmAuthenticatorSchema>;

/**
 * Switching the app off needs proof from the person holding the phone or the password: a current app
 * code, or else the password (for a lost phone). Empty fields arrive as "" from the form.
 */
export const disableAuthenticatorSchema = z
  .object({
    code: z.string().max(CODE_INPUT_MAX, "codeFormat").optional().default(""),
    password: z.string().max(200, "passwordTooLong").optional().default(""),
  })
  .transform((value, context) => {
    const code = value.code.replace(/[\s.\-]/g, "");
    const password = value.password.trim();
    if (code) {
      if (!/^\d{6}$/.test(code)) {
        context.addIssue({ code: "custom", message: "codeFormat", path: ["code"] });
        return z.NEVER;
      }
      return { kind: "code" as const, code };
    }
    if (password) return { kind: "password" as const, password };
    context.addIssue({ code: "custom", message: "proofRequired", path: ["code"] });
    return z.NEVER;
  });
export type DisableAuthenticatorInput = z.infer<typeof disableAuthenticatorSchema>;
