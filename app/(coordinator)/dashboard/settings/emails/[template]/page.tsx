import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { EmailTextEditorPage } from "@/components/mail/email-text-pages";
import { canChangeSettings } from "@/lib/auth/permissions";
import { requireCoordinator } from "@/lib/auth/session";
import { getTranslations } from "@/lib/i18n/server";
import { toEmailLocale } from "@/lib/mail/registry";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("emailTexts");
  return { title: t("title") };
}

type Params = Promise<{ template: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** One template of the organisation's email texts in one language (?taal=nl|en), with a live preview. */
export default async function EmailTextPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const actor = await requireCoordinator();
  if (!canChangeSettings(actor.role)) redirect("/dashboard");
  const [{ template }, query] = await Promise.all([params, searchParams]);
  return (
    <EmailTextEditorPage
      scope={{ level: "organisation", tenantId: actor.tenantId }}
      basePath="/dashboard/settings/emails"
      template={template}
      language={typeof query.taal === "string" ? query.taal : undefined}
      organisationName={actor.organisationName}
      adminLocale={toEmailLocale(actor.locale)}
    />
  );
}
