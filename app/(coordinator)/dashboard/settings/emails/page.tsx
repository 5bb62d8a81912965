import { redirect } from "next/navigation";
import { EmailTextOverview, emailTextsMetadata } from "@/components/mail/email-text-pages";
import { canChangeSettings } from "@/lib/auth/permissions";
import { requireCoordinator } from "@/lib/auth/session";
import { getTranslations } from "@/lib/i18n/server";
import { toEmailLocale } from "@/lib/mail/registry";

export const generateMetadata = emailTextsMetadata;

/** The organisation's email texts: every template, with which language has an own or a broken text. */
export default async function EmailTextsPage() {
  const actor = await requireCoordinator();
  if (!canChangeSettings(actor.role)) redirect("/dashboard");
  const t = await getTranslations("emailTexts");
  return <EmailTextOverview scope={{ level: "organisation", tenantId: actor.tenantId }} basePath="/dashboard/settings/emails" intro={t("intro")} adminLocale={toEmailLocale(actor.locale)} />;
}
