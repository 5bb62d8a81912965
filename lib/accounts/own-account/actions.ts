"use server";
// A signed-in member changes their own password, username and language.
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getClientKey } from "@/lib/auth/client";
import { memberAction, ownPasswordAction } from "@/lib/auth/guards";
import { changeOwnPassword, changeOwnUsername, changePasswordSchema, changeUsernameSchema } from "@/lib/accounts/own-account/own-account";
import { chooseLanguageSchema, chooseOwnLanguage } from "@/lib/accounts/own-account/language";
import { passwordChangeFormState, type AccountFormState } from "@/lib/accounts/own-account/password-form";
import { localeCookie } from "@/lib/i18n/locales";
import { env } from "@/lib/env";

export type { AccountFormState };

const changePasswordGuarded = ownPasswordAction("changeMyPassword", changePasswordSchema, async (actor, input) =>
  changeOwnPassword({ userId: actor.userId, tenantId: actor.tenantId }, input, { clientKey: await getClientKey() }),
);

export async function changeMyPassword(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  return passwordChangeFormState(await changePasswordGuarded(formData), (changed) => (changed.wasForced ? "/my" : "/my/account?saved=password"));
}

const changeUsernameGuarded = memberAction("changeMyUsername", changeUsernameSchema, (actor, input) =>
  changeOwnUsername({ userId: actor.userId, tenantId: actor.tenantId }, input),
);

export async function changeMyUsername(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const t = await getTranslations("account");
  const submitted = String(formData.get("username") ?? "").trim().slice(0, 60);
  const guarded = await changeUsernameGuarded(formData);
  if (!guarded.ok) {
    if (guarded.error === "unauthorised" || guarded.error === "forbidden") redirect("/sign-in");
    const tooLong = guarded.fieldErrors?.username?.includes("tooLong");
    return { error: t(tooLong ? "usernameTooLong" : "usernameRequired"), value: submitted };
  }
  const result = guarded.value;
  if (!result.ok) {
    const key = {
      required: "usernameRequired",
      tooShort: "usernameTooShort",
      tooLong: "usernameTooLong",
      characters: "usernameCharacters",
      taken: "usernameTaken",
    } as const;
    return { error: t(key[result.error]), value: submitted };
  }
  revalidatePath("/my/account");
  return { saved: t("usernameSaved", { username: result.username }), value: result.username };
}

const chooseLanguageGuarded = memberAction("chooseMyLanguage", chooseLanguageSchema, (actor, input) =>
  chooseOwnLanguage({ userId: actor.userId, tenantId: actor.tenantId }, input),
);

/** Answered in the language just chosen; every page re-renders in it. */
export async function chooseMyLanguage(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const guarded = await chooseLanguageGuarded(formData);
  if (!guarded.ok) {
    if (guarded.error === "unauthorised" || guarded.error === "forbidden") redirect("/sign-in");
    return { error: (await getTranslations("account"))("languageInvalid") };
  }
  const { locale } = guarded.value;
  // Signed-out pages on this device (sign-in, login requests) follow the last choice made on it.
  (await cookies()).set(localeCookie, locale, { path: "/", sameSite: "lax", httpOnly: true, secure: env().secureCookies, maxAge: 400 * 24 * 60 * 60 });
  revalidatePath("/", "layout");
  return { saved: (await getTranslations({ locale, namespace: "account" }))("languageSaved"), value: locale };
}
