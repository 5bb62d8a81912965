import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MemberImportMappingForm } from "@/components/coordinator/member-import-mapping-form";
import { MemberImportResult } from "@/components/coordinator/member-import-result";
import { MemberImportSteps } from "@/components/coordinator/member-import-steps";
import { requireCoordinator } from "@/lib/auth/session";
import { getTranslations } from "@/lib/i18n/server";
import { checkMapping } from "@/lib/people/import/mapping";
import { getMemberImport } from "@/lib/people/import/queries";
import { importIdParamSchema } from "@/lib/people/import/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("memberImport");
  return { title: t("title") };
}

/** Step 2 of an import: match the file's columns to member fields; once imported, the result. */
export default async function MemberImportColumnsPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireCoordinator();
  const importId = importIdParamSchema.safeParse((await params).id);
  const found = importId.success ? await getMemberImport(actor.tenantId, importId.data) : null;
  if (!found) notFound();
  const [t, tSteps] = await Promise.all([getTranslations("memberImport"), getTranslations("memberImport.steps")]);
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
      <Link href="/dashboard/people/import" className="text-brand-800 underline underline-offset-2">
        {t("preview.startOver")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
      <MemberImportSteps current="mapping" t={tSteps} />
      <p className="mt-4 max-w-2xl text-stone-700">{t("mapping.intro", { fileName: found.fileName, count: found.rows.length })}</p>
      <MemberImportMappingForm importId={found.id} columns={columns} missing={missing.length > 0 ? missing.join(", ") : null} />
    </>
  );
}
