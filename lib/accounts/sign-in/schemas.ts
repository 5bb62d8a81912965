// Input shapes for signing in and account changes, shared by forms and actions.
import { z } from "zod";
import { normaliseCredential } from "@/lib/accounts/passwords/hashing";
import { plainText } from "@/lib/plain-text";

/** Generous upper bounds: real usernames are short, but a 10 kB paste must be refused, not hashed. */
export const USERNAME_MAX = 100;
export const PASSWORD_MAX = 200;

export const passwordSignInSchema = z.object({
  username: plainText().transform(normaliseCredential).pipe(z.string().min(1, "required").max(USERNAME_MAX, "tooLong")),
  password: plainText().transform(normaliseCredential).pipe(z.string().min(1, "required").max(PASSWORD_MAX, "tooLong")),
});
export type PasswordSignInInput = z.infer<typeof passwordSignInSchema>;
