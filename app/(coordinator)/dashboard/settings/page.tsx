import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { canChangeSettings } from "@/lib/auth/permissions";
import { requireCoordinator } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboardNav");
  return { title: t("settings") };
}

/** The admin's settings, one page per subject. */
export default async function SettingsPage() {
  const actor = await requireCoordinator();
  if (!canChangeSettings(actor.role)) redirect("/dashboard");
  const [t, tOrganisation, tProfile, tSecurity, tEmails] = await Promise.all([
    getTranslations("dashboardNav"),
    getTranslations("organisationSettings"),
    getTranslations("profileFieldSettings"),
    getTranslations("securitySettings"),
    getTranslations("emailTexts"),
  ]);
  const pages = [
    { href: "/dashboard/settings/organisation", title: tOrganisation("title"), intro: tOrganisation("intro") },
    { href: "/dashboard/settings/profile-fields", title: tProfile("title"), intro: tProfile("intro") },
    { href: "/dashboard/settings/security", title: tSecurity("title"), intro: tSecurity("intro") },
    { href: "/dashboard/settings/emails", title: tEmails("title"), intro: tEmails("intro") },
  ];
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("settings")}</h1>
      <ul className="mt-6 grid max-w-4xl gap-4 md:grid-cols-2">
        {pages.map((page) => (
          <li key={page.href}>
            <Link href={page.href} className="block h-full rounded-xl border border-stone-200 bg-white p-5 hover:border-brand-600">
              <span className="block text-lg font-semibold text-brand-800">{page.title}</span>
              <span className="mt-1 block text-stone-700">{page.intro}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
