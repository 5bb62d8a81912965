import type { Metadata } from "next";
import { EmailTextEditorPage } from "@/components/mail/email-text-pages";
import { requireProviderAdmin } from "@/lib/auth/session";
import { getTranslations } from "@/lib/i18n/server";
import { toEmailLocale } from "@/lib/mail/registry";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("emailTexts");
  return { title: t("title") };
}

type Params = Promise<{ template: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** One template of the provider's email texts in one language (?taal=nl|en), with a live preview. */
export default async function ProviderEmailTextPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const admin = await requireProviderAdmin();
  const [{ template }, query] = await Promise.all([params, searchParams]);
  return (
    <EmailTextEditorPage
      scope={{ level: "provider", providerId: admin.providerId }}
      basePath="/provider/emails"
      template={template}
      language={typeof query.taal === "string" ? query.taal : undefined}
      organisationName={admin.providerName}
      adminLocale={toEmailLocale(admin.locale)}
    />
  );
}
