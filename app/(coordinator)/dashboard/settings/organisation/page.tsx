import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { OrganisationSettingsForm } from "@/components/coordinator/organisation-settings-form";
import { canChangeSettings } from "@/lib/auth/permissions";
import { requireCoordinator } from "@/lib/auth/session";
import { getOrganisationSettings } from "@/lib/tenancy/organisation-settings";
import { timeZoneChoices } from "@/lib/tenancy/organisation-settings-schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organisationSettings");
  return { title: t("title") };
}

export default async function OrganisationSettingsPage() {
  const actor = await requireCoordinator();
  // Settings are the admin's; the action refuses everyone else as well.
  if (!canChangeSettings(actor.role)) redirect("/dashboard");
  const [t, current] = await Promise.all([getTranslations("organisationSettings"), getOrganisationSettings(actor.tenantId)]);
  if (!current) redirect("/dashboard");
  const zones = timeZoneChoices();
  // A zone stored before this list (or by an older runtime) stays choosable rather than silently replaced.
  const timeZones = zones.includes(current.timeZone) ? zones : [current.timeZone, ...zones];
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 max-w-2xl text-stone-700">{t("intro")}</p>
      <OrganisationSettingsForm current={current} timeZones={timeZones} />
    </>
  );
}
