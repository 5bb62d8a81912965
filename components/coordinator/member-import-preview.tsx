// The check before anything is added: how many rows can be added and how many cannot, every refused
// row with its number in the file and what is wrong, and the first members that will be added.
import { Table, type TableColumn } from "@/components/ui/table";
import { getTranslations } from "@/lib/i18n/server";
import type { ImportRecord, InvalidRow } from "@/lib/people/import/validation";
import { formatPersonName } from "@/lib/people/names";
import { MemberImportProblemList } from "./member-import-problem-list";

/** More rows than this are counted, not listed: the page stays quick with a 5,000-row file. */
const SHOWN_INVALID = 200;
const SHOWN_VALID = 20;

export async function MemberImportPreview({ valid, invalid, groupNames }: { valid: ImportRecord[]; invalid: InvalidRow[]; groupNames: ReadonlyMap<string, string> }) {
  const t = await getTranslations("memberImport");
  const cell = "px-3 py-2 align-top max-md:p-0";
  const invalidColumns: TableColumn<InvalidRow>[] = [
    { key: "row", header: t("preview.row"), rowHeader: true, cellClassName: `${cell} tabular-nums`, cell: (row) => row.rowNumber },
    { key: "name", header: t("preview.name"), cellClassName: cell, cell: (row) => row.name || t("preview.noName") },
    { key: "problems", header: t("preview.problems"), cellClassName: cell, cell: (row) => <MemberImportProblemList problems={row.problems} t={t} /> },
  ];
  const validColumns: TableColumn<ImportRecord>[] = [
    { key: "row", header: t("preview.row"), cellClassName: `${cell} tabular-nums`, cell: (record) => record.rowNumber },
    { key: "name", header: t("preview.name"), rowHeader: true, cellClassName: `${cell} font-medium`, cell: (record) => formatPersonName(record.person) },
    { key: "email", header: t("preview.email"), cellClassName: cell, cell: (record) => record.person.email ?? t("preview.none") },
    { key: "login", header: t("preview.login"), cellClassName: cell, cell: (record) => record.username ?? t("preview.noLogin") },
    {
      key: "groups",
      header: t("preview.groups"),
      cellClassName: cell,
      cell: (record) => (record.groupIds.length > 0 ? record.groupIds.map((id) => groupNames.get(id) ?? "").join(", ") : t("preview.none")),
    },
  ];
  return (
    <div className="mt-6 space-y-6">
      <dl className="grid max-w-md grid-cols-2 gap-3">
        <div className="rounded-xl border border-green-300 bg-green-50 p-4">
          <dt className="text-sm text-green-950">{t("preview.validCount")}</dt>
          <dd className="text-3xl font-semibold text-green-950 tabular-nums">{valid.length}</dd>
        </div>
        <div className={`rounded-xl border p-4 ${invalid.length > 0 ? "border-red-300 bg-red-50 text-red-900" : "border-stone-200 bg-white text-stone-800"}`}>
          <dt className="text-sm">{t("preview.invalidCount")}</dt>
          <dd className="text-3xl font-semibold tabular-nums">{invalid.length}</dd>
        </div>
      </dl>
      <p className="max-w-2xl">{t("preview.summary", { valid: valid.length, invalid: invalid.length })}</p>
      {invalid.length > 0 ? (
        <section className="space-y-2">
          <Table
            caption={<span className="font-semibold text-red-900">{t("preview.invalidCaption")}</span>}
            columns={invalidColumns}
            rows={invalid.slice(0, SHOWN_INVALID)}
            rowKey={(row) => String(row.rowNumber)}
            empty={null}
          />
          {invalid.length > SHOWN_INVALID ? <p className="text-stone-700">{t("preview.moreInvalid", { count: invalid.length - SHOWN_INVALID })}</p> : null}
          <p className="max-w-2xl text-sm text-stone-700">{t("preview.invalidHint")}</p>
        </section>
      ) : null}
      {valid.length > 0 ? (
        <section className="space-y-2">
          <Table caption={t("preview.validCaption")} columns={validColumns} rows={valid.slice(0, SHOWN_VALID)} rowKey={(record) => String(record.rowNumber)} empty={null} />
          {valid.length > SHOWN_VALID ? <p className="text-stone-700">{t("preview.moreValid", { count: valid.length - SHOWN_VALID })}</p> : null}
        </section>
      ) : null}
    </div>
  );
}
