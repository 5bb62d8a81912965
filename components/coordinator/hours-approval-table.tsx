"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { approveHours } from "@/lib/hours/coordinator-actions";
import type { ApproveResult } from "@/lib/hours/approval";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { StatusText } from "@/components/ui/status-text";
import { Table, type TableColumn, type TablePaging } from "@/components/ui/table";
import { AccessConfirmDialog } from "./access-confirm-dialog";
import { hoursFailureText } from "./hours-failure";
import { SendBackDialog } from "./send-back-dialog";

export type HoursApprovalRowView = {
  personId: string;
  name: string;
  /** The member's week on the coordinator's page. */
  href: string;
  total: string;
  status: string;
  /** The comment while the week is sent back. */
  returnComment: string | null;
  confirmedAt: string | null;
  correctionRequest: string | null;
  /** The week has ended and is not approved: it can go back to the member. */
  canSendBack: boolean;
};

type Notice = { tone: "success" | "error"; text: string };

/**
 * The week's approval list: select members and approve (after a confirmation naming how many; only
 * confirmed weeks are approved, the rest are reported), or send one week back with a comment.
 */
type HoursApprovalTableProps = {
  weekStart: string;
  /** The rows of this page. */
  rows: HoursApprovalRowView[];
  caption: string;
  empty: string;
  paging?: TablePaging;
};

export function HoursApprovalTable({ weekStart, rows, caption, empty, paging }: HoursApprovalTableProps) {
  const t = useTranslations("hoursDashboard");
  const router = useRouter();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<Notice | null>(null);
  const [asking, setAsking] = useState<{ error: string | null } | null>(null);
  const [pending, setPending] = useState(false);
  const [sendingBack, setSendingBack] = useState<HoursApprovalRowView | null>(null);
  const selection = rows.filter((row) => selected.has(row.personId)).map((row) => row.personId);

  function approvedText(result: ApproveResult): string {
    const skipped = (["notConfirmed", "alreadyApproved"] as const)
      .filter((reason) => (result.skipped[reason] ?? 0) > 0)
      .map((reason) => t(`done.${reason}`, { count: result.skipped[reason] ?? 0 }));
    const main = t("done.approved", { count: result.approved });
    return skipped.length > 0 ? `${main} ${t("done.skipped", { list: skipped.join(", ") })}` : main;
  }

  async function approve() {
    setPending(true);
    try {
      const result = await approveHours({ weeks: selection.map((personId) => ({ personId, weekStart })) });
      if (!result.ok) return setAsking({ error: hoursFailureText(t, result) });
      setAsking(null);
      setSelected(new Set());
      setNotice({ tone: result.value.approved > 0 ? "success" : "error", text: approvedText(result.value) });
      router.refresh();
    } catch {
      setAsking({ error: t("errors.failed") });
    } finally {
      setPending(false);
    }
  }

  const columns: TableColumn<HoursApprovalRowView>[] = [
    {
      key: "name",
      header: t("table.name"),
      rowHeader: true,
      cell: (row) => (
        <Link href={row.href} className="font-medium text-brand-700 underline underline-offset-2">
          {row.name}
        </Link>
      ),
    },
    { key: "total", header: t("table.total"), cell: (row) => row.total, cellClassName: "px-3 py-3 align-top tabular-nums" },
    {
      key: "status",
      header: t("table.status"),
      cell: (row) => (
        <>
          <span>{row.status}</span>
          {row.returnComment ? <span className="mt-1 block text-sm text-stone-700">{t("table.returnedWith", { comment: row.returnComment })}</span> : null}
        </>
      ),
    },
    { key: "confirmedAt", header: t("table.confirmedAt"), cell: (row) => row.confirmedAt ?? t("table.none") },
    { key: "correction", header: t("table.correction"), cell: (row) => (row.correctionRequest ? <span className="text-amber-900">{row.correctionRequest}</span> : t("table.none")) },
    {
      key: "actions",
      header: <span className="sr-only">{t("table.actions")}</span>,
      cell: (row) =>
        row.canSendBack ? (
          <Button variant="secondary" onClick={() => setSendingBack(row)}>
            {t("sendBack.open")}
          </Button>
        ) : null,
    },
  ];

  return (
    <div className="mt-4">
      <div className="mb-3 flex flex-wrap items-center gap-4">
        <StatusText as="span" className="text-stone-700">
          {t("bulk.selected", { count: selection.length })}
        </StatusText>
        <Button variant="confirm" disabled={selection.length === 0 || pending} onClick={() => setAsking({ error: null })}>
          {t("bulk.approve")}
        </Button>
      </div>
      {notice ? (
        <Alert tone={notice.tone} className="mb-3">
          {notice.text}
        </Alert>
      ) : null}
      <Table
        caption={caption}
        columns={columns}
        rows={rows}
        rowKey={(row) => row.personId}
        empty={<p className="text-stone-700">{empty}</p>}
        stackBelow="lg"
        paging={paging}
        selection={{
          selected,
          onChange: setSelected,
          isSelectable: () => true,
          selectAllLabel: t("table.selectAll"),
          rowLabel: (row) => row.name,
        }}
      />
      {asking ? (
        <AccessConfirmDialog
          title={t("bulk.confirmTitle")}
          body={t("bulk.confirmBody", { count: selection.length })}
          details={rows.filter((row) => selected.has(row.personId)).slice(0, 10).map((row) => row.name)}
          warning={null}
          error={asking.error}
          checkLabel={null}
          confirmLabel={t("bulk.approve")}
          pendingLabel={t("bulk.approving")}
          cancelLabel={t("bulk.cancel")}
          tone="primary"
          pending={pending}
          onConfirm={approve}
          onCancel={() => setAsking(null)}
        />
      ) : null}
      {sendingBack ? (
        <SendBackDialog
          personId={sendingBack.personId}
          weekStart={weekStart}
          name={sendingBack.name}
          onCancel={() => setSendingBack(null)}
          onDone={(text) => {
            setSendingBack(null);
            setNotice({ tone: "success", text });
            router.refresh();
          }}
        />
      ) : null}
    </div>
  );
}
