import { redirect } from "next/navigation";
import { MemberImportConfirm } from "@/components/coordinator/member-import-confirm";
import { MemberImportHeader } from "@/components/coordinator/member-import-header";
import { MemberImportPreview } from "@/components/coordinator/member-import-preview";
import { Alert } from "@/components/ui/alert";
import { todayIn } from "@/lib/dates";
import { getTranslations } from "@/lib/i18n/server";
import { generateImportPageMetadata, requireImportForPage, type ImportPageProps } from "@/lib/people/import/import-pages";
import { previewMemberImport } from "@/lib/people/import/imports";
import { listGroupNamesById } from "@/lib/people/import/queries";

export const generateMetadata = generateImportPageMetadata;

/** Step 3 of an import: every row checked, nothing written until the coordinator confirms. */
export default async function MemberImportPreviewPage({ params }: ImportPageProps) {
  const { actor, found: preview } = await requireImportForPage(params, (coordinator, importId) => previewMemberImport(coordinator.tenantId, importId, todayIn(coordinator.timeZone)));
  const { memberImport, problems, validation } = preview;
  // Imported already, or columns still to choose: the import's own page shows what is next.
  if (memberImport.status === "imported" || problems.length > 0) redirect(`/dashboard/people/import/${memberImport.id}`);
  const [t, groupNames] = await Promise.all([getTranslations("memberImport"), listGroupNamesById(actor.tenantId)]);
  return (
    <>
      <MemberImportHeader back={{ href: `/dashboard/people/import/${memberImport.id}`, label: t("preview.changeColumns") }} current="preview" />
      <MemberImportPreview valid={validation.valid} invalid={validation.invalid} groupNames={groupNames} />
      <div className="mt-6">
        {validation.valid.length > 0 ? (
          <MemberImportConfirm importId={memberImport.id} count={validation.valid.length} skipped={validation.invalid.length} />
        ) : (
          <Alert tone="warning">{t("preview.noneValid")}</Alert>
        )}
      </div>
    </>
  );
}
