// After confirming: how many members were added (with logins and group places), every skipped row
// and why, and the way on to the members list.
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Table, type TableColumn } from "@/components/ui/table";
import type { MemberImportResult as ImportResult } from "@/lib/db/schema/member-imports";
import { getTranslations } from "@/lib/i18n/server";
import { MemberImportProblemList } from "./member-import-problem-list";

type SkippedRow = ImportResult["skipped"][number];

export async function MemberImportResult({ result, fileName }: { result: ImportResult; fileName: string }) {
  const t = await getTranslations("memberImport");
  const cell = "px-3 py-2 align-top max-md:p-0";
  const columns: TableColumn<SkippedRow>[] = [
    { key: "row", header: t("preview.row"), rowHeader: true, cellClassName: `${cell} tabular-nums`, cell: (row) => row.row },
    { key: "problems", header: t("preview.problems"), cellClassName: cell, cell: (row) => <MemberImportProblemList problems={row.errors} t={t} /> },
  ];
  const link = "rounded-lg border border-stone-300 bg-white px-4 py-2.5 font-medium hover:bg-stone-100";
  return (
    <div className="mt-6 space-y-6">
      <Alert tone="success" as="div">
        <p className="font-semibold">{t("result.added", { count: result.added, fileName })}</p>
        <p>{t("result.logins", { count: result.logins })}</p>
        <p>{t("result.groupMemberships", { count: result.groupMemberships })}</p>
      </Alert>
      <Table
        caption={<span className="font-semibold">{t("result.skippedCaption")}</span>}
        columns={columns}
        rows={result.skipped}
        rowKey={(row) => String(row.row)}
        empty={<p>{t("result.noneSkipped")}</p>}
      />
      <div className="flex flex-wrap gap-3">
        <Link href="/dashboard/people" className="rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700">
          {t("result.toPeople")}
        </Link>
        <Link href="/dashboard/people/import" className={link}>
          {t("result.another")}
        </Link>
      </div>
    </div>
  );
}
