import { Table, type TableColumn } from "@/components/ui/table";
import { SendMailAgainButton } from "./send-mail-again-button";

export type MemberMailView = {
  id: string;
  subject: string;
  when: string;
  to: string;
  delivery: "queued" | "retrying" | "sent" | "failed";
  deliveryLabel: string;
  /** Why the last try failed, for retrying and failed mail. */
  error: string | null;
  /** A failed mail that still has its body: "send again" is offered. */
  canSendAgain?: boolean;
};

type MemberMailTableProps = {
  mails: MemberMailView[];
  caption: string;
  empty: string;
  headers: { subject: string; when: string; to: string; status: string };
};

const tones: Record<MemberMailView["delivery"], string> = {
  queued: "border-stone-300 bg-stone-50 text-stone-800",
  retrying: "border-amber-400 bg-amber-50 text-amber-900",
  sent: "border-green-300 bg-green-50 text-green-900",
  failed: "border-red-300 bg-red-50 text-red-900",
};

/** The emails sent to one member with how their delivery went: "did she get it?". */
export function MemberMailTable({ mails, caption, empty, headers }: MemberMailTableProps) {
  const columns: TableColumn<MemberMailView>[] = [
    { key: "subject", header: headers.subject, rowHeader: true, cellClassName: "px-3 py-2 text-left align-top font-medium", cell: (mail) => mail.subject },
    { key: "when", header: headers.when, cellClassName: "px-3 py-2 align-top text-sm", cell: (mail) => mail.when },
    { key: "to", header: headers.to, cellClassName: "px-3 py-2 align-top text-sm [overflow-wrap:anywhere]", cell: (mail) => mail.to },
    {
      key: "status",
      header: headers.status,
      cellClassName: "px-3 py-2 align-top text-sm",
      cell: (mail) => (
        <>
          <span className={`rounded-md border px-2 py-0.5 ${tones[mail.delivery]}`}>{mail.deliveryLabel}</span>
          {mail.error ? <span className="mt-1 block text-red-900 [overflow-wrap:anywhere]">{mail.error}</span> : null}
          {mail.canSendAgain ? <SendMailAgainButton mailId={mail.id} /> : null}
        </>
      ),
    },
  ];
  return <Table caption={caption} columns={columns} rows={mails} rowKey={(mail) => mail.id} empty={<p>{empty}</p>} />;
}
