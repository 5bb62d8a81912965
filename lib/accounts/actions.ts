"use server";
// The accounts domain's public write surface: signing in and out.
import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/lib/auth/config";
import { holdSecondFactorChallenge } from "./challenge-cookie";
import { passwordSignInSchema } from "./schemas";
import { checkPassword } from "./sign-in";

export type SignInState = { error?: string; username?: string };

export async function signInWithPassword(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const t = await getTranslations("signIn");
  const raw = { username: String(formData.get("username") ?? ""), password: String(formData.get("password") ?? "") };
  const parsed = passwordSignInSchema.safeParse(raw);
  const username = raw.username.trim().slice(0, 100);
  if (!parsed.success) {
    const code = parsed.error.issues[0]?.message === "tooLong" ? "tooLong" : "required";
    return { error: t(code), username };
  }
  const check = await checkPassword(parsed.data);
  if (!check.ok) return { error: t(check.reason), username };
  if (check.kind === "second-factor") {
    await holdSecondFactorChallenge(check.challenge);
    redirect("/sign-in/verify");
  }
  try {
    // On success this throws Next's redirect, which must propagate.
    await signIn("credentials", { ticket: check.ticket, redirectTo: "/my" });
  } catch (error) {
    if (error instanceof AuthError) return { error: t("failed"), username };
    throw error;
  }
  return {};
}

export async function signOutMember(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
