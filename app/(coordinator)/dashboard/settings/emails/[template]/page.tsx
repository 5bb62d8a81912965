import { redirect } from "next/navigation";
import { EmailTextEditorPage, emailTextsMetadata, type EmailTextRoute } from "@/components/mail/email-text-pages";
import { canChangeSettings } from "@/lib/auth/permissions";
import { requireCoordinator } from "@/lib/auth/session";
import { toEmailLocale } from "@/lib/mail/registry";

export const generateMetadata = emailTextsMetadata;

/** One template of the organisation's email texts in one language (?taal=nl|en), with a live preview. */
export default async function EmailTextPage(route: EmailTextRoute) {
  const actor = await requireCoordinator();
  if (!canChangeSettings(actor.role)) redirect("/dashboard");
  return (
    <EmailTextEditorPage
      scope={{ level: "organisation", tenantId: actor.tenantId }}
      basePath="/dashboard/settings/emails"
      route={route}
      organisationName={actor.organisationName}
      adminLocale={toEmailLocale(actor.locale)}
    />
  );
}
