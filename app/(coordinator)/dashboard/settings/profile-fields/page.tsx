import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { ProfileFieldSettingsForm } from "@/components/coordinator/profile-field-settings-form";
import { canChangeSettings } from "@/lib/auth/permissions";
import { requireCoordinator } from "@/lib/auth/session";
import { getProfileFieldSettings } from "@/lib/people/queries";
import { alwaysVisibleFields, profileFieldOrder } from "@/lib/people/rules";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("profileFieldSettings");
  return { title: t("title") };
}

export default async function ProfileFieldSettingsPage() {
  const actor = await requireCoordinator();
  // Settings are the admin's; the action refuses everyone else as well.
  if (!canChangeSettings(actor.role)) redirect("/dashboard");
  const [t, settings] = await Promise.all([getTranslations("profileFieldSettings"), getProfileFieldSettings(actor.tenantId)]);
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 max-w-2xl text-stone-700">{t("intro")}</p>
      <ProfileFieldSettingsForm
        fields={profileFieldOrder}
        editable={[...settings.editable]}
        visible={[...settings.visible]}
        alwaysVisible={alwaysVisibleFields}
      />
    </>
  );
}
