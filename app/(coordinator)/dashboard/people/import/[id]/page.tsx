import { MemberImportHeader } from "@/components/coordinator/member-import-header";
import { MemberImportMappingForm } from "@/components/coordinator/member-import-mapping-form";
import { MemberImportResult } from "@/components/coordinator/member-import-result";
import { getTranslations } from "@/lib/i18n/server";
import { generateImportPageMetadata, requireImportForPage, type ImportPageProps } from "@/lib/people/import/import-pages";
import { checkMapping } from "@/lib/people/import/mapping";
import { getMemberImport } from "@/lib/people/import/queries";

export const generateMetadata = generateImportPageMetadata;

/** Step 2 of an import: match the file's columns to member fields; once imported, the result. */
export default async function MemberImportColumnsPage({ params }: ImportPageProps) {
  const { found } = await requireImportForPage(params, (coordinator, importId) => getMemberImport(coordinator.tenantId, importId));
  const t = await getTranslations("memberImport");
  if (found.status === "imported" && found.result) {
    return (
      <>
        <h1 className="text-2xl font-semibold">{t("result.title")}</h1>
        <MemberImportResult result={found.result} fileName={found.fileName} />
      </>
    );
  }
  const missing = checkMapping(found.mapping)
    .filter((problem) => problem.kind === "missing")
    .map((problem) => t(`fields.${problem.field}`));
  const columns = found.headers.map((header, column) => ({
    header,
    examples: [...new Set(found.rows.map((row) => row[column]).filter((value): value is string => Boolean(value)))].slice(0, 3),
    target: found.mapping[column],
  }));
  return (
    <>
      <MemberImportHeader back={{ href: "/dashboard/people/import", label: t("preview.startOver") }} current="mapping" />
      <p className="mt-4 max-w-2xl text-stone-700">{t("mapping.intro", { fileName: found.fileName, count: found.rows.length })}</p>
      <MemberImportMappingForm importId={found.id} columns={columns} missing={missing.length > 0 ? missing.join(", ") : null} />
    </>
  );
}
