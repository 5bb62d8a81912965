import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "@/lib/i18n/server";
import { Alert } from "@/components/ui/alert";
import { Table, type TableColumn } from "@/components/ui/table";

type ListedRecord = { id: string; name: string; comingShifts: number; archivedAt: Date | null };

type RecordListPageProps<Row extends ListedRecord> = {
  /** Its messages are in the `<kind>s` namespace, its pages under /dashboard/<kind>s. */
  kind: "group" | "location";
  rows: Row[];
  /** The name link's accessible name, e.g. "Keuken bewerken". */
  editLabel: (row: Row) => string;
  /** The columns between the name and the coming shifts; their cellClassName adds to the list's own cell padding. */
  columns: TableColumn<Row>[];
  /** Just deleted one (?deleted=1 after the delete redirects here): says so above the table. */
  deleted: boolean;
  /** The form that adds a new one. */
  newForm: ReactNode;
};

const link = "text-brand-700 underline underline-offset-2";
const cell = "px-3 py-3 align-top max-md:p-0";

/** The page of an organisation's groups or locations: the table with name, status and coming shifts, and a new one. */
export async function RecordListPage<Row extends ListedRecord>({ kind, rows, editLabel, columns, deleted, newForm }: RecordListPageProps<Row>) {
  const t = await getTranslations(`${kind}s`);
  const allColumns: TableColumn<Row>[] = [
    {
      key: "name",
      header: t("table.name"),
      rowHeader: true,
      cellClassName: `${cell} text-left font-semibold`,
      cell: (row) => (
        <Link href={`/dashboard/${kind}s/${row.id}`} className={link} aria-label={editLabel(row)}>
          {row.name}
        </Link>
      ),
    },
    ...columns.map((column) => ({ ...column, cellClassName: column.cellClassName ? `${cell} ${column.cellClassName}` : cell })),
    {
      key: "comingShifts",
      header: t("table.comingShifts"),
      cellClassName: cell,
      cell: (row) => (
        <>
          <span className="text-stone-600 md:hidden">{t("table.comingShifts")}: </span>
          {row.comingShifts}
        </>
      ),
    },
    {
      key: "status",
      header: t("table.status"),
      cellClassName: cell,
      cell: (row) => (row.archivedAt ? <span className="rounded bg-stone-200 px-1.5 py-0.5 text-sm font-medium text-stone-800">{t("table.archived")}</span> : t("table.active")),
    },
  ];
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 max-w-3xl text-stone-700">{t("intro")}</p>
      {deleted ? (
        <Alert tone="success" className="mt-4">
          {t("deleted")}
        </Alert>
      ) : null}
      <Table
        className="mt-6"
        caption={t("table.caption", { count: rows.length })}
        columns={allColumns}
        rows={rows}
        rowKey={(row) => row.id}
        empty={<p>{t("table.empty")}</p>}
        stackBelow="md"
        rowClassName={(row) => (row.archivedAt ? "text-stone-600" : "")}
      />
      <section aria-labelledby={`new-${kind}`} className="mt-8 rounded-xl border border-stone-200 bg-white p-5">
        <h2 id={`new-${kind}`} className="mb-3 text-lg font-semibold">
          {t("newTitle")}
        </h2>
        {newForm}
      </section>
    </>
  );
}
