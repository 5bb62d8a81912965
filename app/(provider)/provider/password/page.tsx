import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChangePasswordForm } from "@/components/member/change-password-form";
import { getTranslations } from "@/lib/i18n/server";
import { getOwnAccount } from "@/lib/accounts/own-account/own-account";
import { requireProviderAdmin } from "@/lib/auth/session";
import { changeProviderPassword } from "@/lib/tenancy/provider-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("provider");
  return { title: t("passwordTitle") };
}

/** Reachable while the operator's temporary password must still be replaced; every other provider page sends the admin here. */
export default async function ProviderPasswordPage() {
  const admin = await requireProviderAdmin({ allowPasswordChangeOwed: true });
  const account = await getOwnAccount({ userId: admin.userId, tenantId: null });
  if (!account) notFound();
  const t = await getTranslations("provider");
  return (
    <div className="max-w-md">
      <h1 className="text-2xl font-semibold">{t("passwordTitle")}</h1>
      <p className="mt-2 text-stone-700">{t("passwordIntro")}</p>
      <ChangePasswordForm username={account.username} needsCurrentPassword={account.needsCurrentPassword} save={changeProviderPassword} />
    </div>
  );
}
