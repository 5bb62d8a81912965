import Link from "next/link";
import { Table, type TableColumn } from "@/components/ui/table";
import { SendMailAgainButton } from "./send-mail-again-button";

export type DeliveryLogRowView = {
  id: string;
  when: string;
  whenIso: string;
  toAddress: string;
  /** The member it concerns, linking to their page, while their record exists. */
  person: { href: string; name: string } | null;
  toName: string | null;
  template: string;
  subject: string;
  delivery: "queued" | "retrying" | "sent" | "failed";
  deliveryLabel: string;
  /** Attempts and the last SMTP answer, for retrying and failed mail. */
  detail: string | null;
  canSendAgain: boolean;
};

type DeliveryLogTableProps = {
  rows: DeliveryLogRowView[];
  caption: string;
  empty: string;
  headings: { when: string; to: string; template: string; subject: string; status: string };
};

const tones: Record<DeliveryLogRowView["delivery"], string> = {
  queued: "border-stone-300 bg-stone-50 text-stone-800",
  retrying: "border-amber-400 bg-amber-50 text-amber-900",
  sent: "border-green-300 bg-green-50 text-green-900",
  failed: "border-red-300 bg-red-50 text-red-900",
};

/** The organisation's delivery log: what was sent to whom, and how delivery went. */
export function DeliveryLogTable({ rows, caption, empty, headings }: DeliveryLogTableProps) {
  const columns: TableColumn<DeliveryLogRowView>[] = [
    {
      key: "when",
      header: headings.when,
      cellClassName: "px-3 py-2 align-top text-sm whitespace-nowrap",
      cell: (row) => <time dateTime={row.whenIso}>{row.when}</time>,
    },
    {
      key: "to",
      header: headings.to,
      rowHeader: true,
      cellClassName: "px-3 py-2 text-left align-top font-medium",
      cell: (row) => (
        <>
          {row.person ? (
            <Link href={row.person.href} className="text-brand-700 underline underline-offset-2">
              {row.person.name}
            </Link>
          ) : (
            (row.toName ?? "")
          )}
          <span className="block text-sm font-normal text-stone-700 [overflow-wrap:anywhere]">{row.toAddress}</span>
        </>
      ),
    },
    { key: "template", header: headings.template, cellClassName: "px-3 py-2 align-top text-sm", cell: (row) => row.template },
    { key: "subject", header: headings.subject, cellClassName: "px-3 py-2 align-top text-sm [overflow-wrap:anywhere]", cell: (row) => row.subject },
    {
      key: "status",
      header: headings.status,
      cellClassName: "px-3 py-2 align-top text-sm",
      cell: (row) => (
        <>
          <span className={`rounded-md border px-2 py-0.5 ${tones[row.delivery]}`}>{row.deliveryLabel}</span>
          {row.detail ? <span className="mt-1 block text-red-900 [overflow-wrap:anywhere]">{row.detail}</span> : null}
          {row.canSendAgain ? <SendMailAgainButton mailId={row.id} /> : null}
        </>
      ),
    },
  ];
  return <Table caption={caption} columns={columns} rows={rows} rowKey={(row) => row.id} empty={<p>{empty}</p>} />;
}
