import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { ChangePasswordForm } from "@/components/member/change-password-form";
import { getOwnAccount } from "@/lib/accounts/own-account/own-account";
import { requireSignedIn } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("passwordTitle") };
}

/** Reachable while a new password is owed (requireSignedIn): every other page sends such a member here. */
export default async function ChangePasswordPage() {
  const actor = await requireSignedIn();
  const account = await getOwnAccount({ userId: actor.userId, tenantId: actor.tenantId });
  if (!account) notFound();
  const t = await getTranslations("account");
  return (
    <>
      <h1 className="text-2xl font-semibold">{account.mustChangePassword ? t("forcedTitle") : t("passwordTitle")}</h1>
      <p className="mt-2 text-stone-700">
        {account.mustChangePassword ? t("forcedIntro") : account.needsCurrentPassword ? t("passwordIntro") : t("passwordIntroNoCurrent")}
      </p>
      <ChangePasswordForm username={account.username} needsCurrentPassword={account.needsCurrentPassword} />
      {account.mustChangePassword ? null : (
        <p className="mt-6 text-center">
          <Link href="/my/account" className="text-stone-700 underline underline-offset-2">
            {t("backToAccount")}
          </Link>
        </p>
      )}
    </>
  );
}
