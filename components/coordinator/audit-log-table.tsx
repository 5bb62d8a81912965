// The audit log as a table: when, who, what, concerning whom, and a short explanation. Texts arrive translated.
import { Table, type TableColumn } from "@/components/ui/table";

export type AuditRowView = {
  id: string;
  when: string;
  /** Machine-readable moment for <time>. */
  whenIso: string;
  actor: string;
  action: string;
  target: string;
  details: string;
};

export function AuditLogTable({ rows, caption, headings }: { rows: AuditRowView[]; caption: string; headings: { when: string; actor: string; action: string; target: string; details: string } }) {
  const cell = "px-3 py-3 align-top max-md:p-0";
  const columns: TableColumn<AuditRowView>[] = [
    {
      key: "when",
      header: headings.when,
      headerClassName: "px-4 py-2 font-semibold",
      cellClassName: "px-4 py-3 align-top text-sm whitespace-nowrap text-stone-700 max-md:p-0",
      cell: (row) => <time dateTime={row.whenIso}>{row.when}</time>,
    },
    {
      key: "actor",
      header: headings.actor,
      cellClassName: cell,
      cell: (row) => (
        <>
          <span className="text-stone-600 md:hidden">{headings.actor}: </span>
          {row.actor}
        </>
      ),
    },
    { key: "action", header: headings.action, rowHeader: true, cellClassName: `${cell} font-semibold`, cell: (row) => row.action },
    {
      key: "target",
      header: headings.target,
      cellClassName: cell,
      cell: (row) => (
        <>
          <span className="text-stone-600 md:hidden">{headings.target}: </span>
          {row.target}
        </>
      ),
    },
    { key: "details", header: headings.details, cellClassName: `${cell} text-stone-700`, cell: (row) => row.details },
  ];
  // The page says when there is nothing to show, and pages through the log itself.
  return <Table className="mt-4" caption={caption} columns={columns} rows={rows} rowKey={(row) => row.id} empty={null} stackBelow="md" />;
}
