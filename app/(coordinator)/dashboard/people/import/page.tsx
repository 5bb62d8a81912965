import { MemberImportHeader } from "@/components/coordinator/member-import-header";
import { MemberImportUploadForm } from "@/components/coordinator/member-import-upload-form";
import { requireCoordinator } from "@/lib/auth/session";
import { getTranslations } from "@/lib/i18n/server";
import { generateImportPageMetadata } from "@/lib/people/import/import-pages";
import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_FILE_MB, MAX_IMPORT_ROWS } from "@/lib/people/import/parsing";
import { UPLOAD_REFUSED_PARAM } from "@/lib/request-limits";

export const generateMetadata = generateImportPageMetadata;

/** Step 1 of an import: choose the CSV or Excel file. */
export default async function MemberImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireCoordinator();
  const t = await getTranslations("memberImport");
  // proxy.ts sends a post larger than any request back here with this parameter.
  const refusedBeforeUpload = (await searchParams)[UPLOAD_REFUSED_PARAM] === "tooLarge";
  return (
    <>
      <MemberImportHeader back={{ href: "/dashboard/people", label: t("backToPeople") }} current="upload" />
      <div className="mt-4 max-w-2xl space-y-2 text-stone-700">
        <p>{t("upload.intro")}</p>
        <p>{t("upload.safe")}</p>
      </div>
      <MemberImportUploadForm maxBytes={MAX_IMPORT_FILE_BYTES} maxMb={MAX_IMPORT_FILE_MB} maxRows={MAX_IMPORT_ROWS} refusedBeforeUpload={refusedBeforeUpload} />
      <section className="mt-8 max-w-2xl">
        <h2 className="text-lg font-semibold">{t("upload.columnsTitle")}</h2>
        <p className="mt-1 text-stone-700">{t("upload.columns")}</p>
      </section>
    </>
  );
}
