import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { MemberImportConfirm } from "@/components/coordinator/member-import-confirm";
import { MemberImportPreview } from "@/components/coordinator/member-import-preview";
import { MemberImportSteps } from "@/components/coordinator/member-import-steps";
import { Alert } from "@/components/ui/alert";
import { requireCoordinator } from "@/lib/auth/session";
import { todayIn } from "@/lib/dates";
import { getTranslations } from "@/lib/i18n/server";
import { previewMemberImport } from "@/lib/people/import/imports";
import { listGroupNamesById } from "@/lib/people/import/queries";
import { importIdParamSchema } from "@/lib/people/import/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("memberImport");
  return { title: t("title") };
}

/** Step 3 of an import: every row checked, nothing written until the coordinator confirms. */
export default async function MemberImportPreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireCoordinator();
  const importId = importIdParamSchema.safeParse((await params).id);
  const preview = importId.success ? await previewMemberImport(actor.tenantId, importId.data, todayIn(actor.timeZone)) : null;
  if (!preview) notFound();
  const { memberImport, problems, validation } = preview;
  // Imported already, or columns still to choose: the import's own page shows what is next.
  if (memberImport.status === "imported" || problems.length > 0) redirect(`/dashboard/people/import/${memberImport.id}`);
  const [t, tSteps, groupNames] = await Promise.all([getTranslations("memberImport"), getTranslations("memberImport.steps"), listGroupNamesById(actor.tenantId)]);
  return (
    <>
      <Link href={`/dashboard/people/import/${memberImport.id}`} className="text-brand-800 underline underline-offset-2">
        {t("preview.changeColumns")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
      <MemberImportSteps current="preview" t={tSteps} />
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
