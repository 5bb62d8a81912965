import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { SecuritySettingsForm } from "@/components/coordinator/security-settings-form";
import { countAccountsWithoutCodeAddress, getSecuritySettings } from "@/lib/accounts/security-settings/settings";
import { canChangeSettings } from "@/lib/auth/permissions";
import { requireCoordinator } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("securitySettings");
  return { title: t("title") };
}

export default async function SecuritySettingsPage() {
  const actor = await requireCoordinator();
  // Settings are the admin's; the action refuses everyone else as well.
  if (!canChangeSettings(actor.role)) redirect("/dashboard");
  const [t, current, lacking] = await Promise.all([
    getTranslations("securitySettings"),
    getSecuritySettings(actor.tenantId),
    countAccountsWithoutCodeAddress(actor.tenantId),
  ]);
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 max-w-2xl text-stone-700">{t("intro")}</p>
      <SecuritySettingsForm current={current} withoutCodeAddress={{ twoFactorForMembers: lacking.members, twoFactorForCoordinators: lacking.coordinators }} />
    </>
  );
}
