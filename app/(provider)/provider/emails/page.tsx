import { EmailTextOverview, emailTextsMetadata } from "@/components/mail/email-text-pages";
import { requireProviderAdmin } from "@/lib/auth/session";
import { getTranslations } from "@/lib/i18n/server";
import { toEmailLocale } from "@/lib/mail/registry";

export const generateMetadata = emailTextsMetadata;

/** The provider's email texts: what all its organisations get unless they change a text themselves. */
export default async function ProviderEmailTextsPage() {
  const admin = await requireProviderAdmin();
  const t = await getTranslations("emailTexts");
  return (
    <EmailTextOverview
      scope={{ level: "provider", providerId: admin.providerId }}
      basePath="/provider/emails"
      intro={t("providerIntro", { provider: admin.providerName })}
      adminLocale={toEmailLocale(admin.locale)}
    />
  );
}
