import { EmailTextEditorPage, emailTextsMetadata, type EmailTextRoute } from "@/components/mail/email-text-pages";
import { requireProviderAdmin } from "@/lib/auth/session";
import { toEmailLocale } from "@/lib/mail/registry";

export const generateMetadata = emailTextsMetadata;

/** One template of the provider's email texts in one language (?taal=nl|en), with a live preview. */
export default async function ProviderEmailTextPage(route: EmailTextRoute) {
  const admin = await requireProviderAdmin();
  return (
    <EmailTextEditorPage
      scope={{ level: "provider", providerId: admin.providerId }}
      basePath="/provider/emails"
      route={route}
      organisationName={admin.providerName}
      adminLocale={toEmailLocale(admin.locale)}
    />
  );
}
