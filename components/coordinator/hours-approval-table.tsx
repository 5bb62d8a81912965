"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { approveHours } from "@/lib/hours/coordinator-actions";
import type { ApproveResult } from "@/lib/hours/approval";
import type { WeekPhase } from "@/lib/hours/rules";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { StatusText } from "@/components/ui/status-text";
import { AccessConfirmDialog } from "./access-confirm-dialog";
import { hoursFailureText } from "./hours-failure";
import { SendBackDialog } from "./send-back-dialog";

/**
 * One row of the list, short and flat because the page sends it to the browser: what is absent is
 * left out rather than sent empty.
 */
export type HoursApprovalRowView = {
  /** The person. */
  id: string;
  name: string;
  /** "12:30 uur". */
  total: string;
  phase: WeekPhase;
  /** The comment while the week is sent back. */
  returned?: string;
  /** When the member confirmed. */
  confirmed?: string;
  /** The member's open correction request. */
  correction?: string;
};

type Notice = { tone: "success" | "error"; text: string };

// The cells are styled once on the table, not per cell: the list is most of the page's size. Below lg
// each row is a card: the checkbox beside the name, the rest under the name, empty cells left out.
const tableClass =
  "w-full border-collapse text-left tabular-nums max-lg:block [&_td]:px-3 [&_td]:py-2 [&_td]:align-top [&_th]:px-3 [&_th]:py-2 [&_th]:text-left [&_th]:align-top " +
  "[&_tbody_tr]:border-t [&_tbody_tr]:border-stone-200 [&_tbody_a]:font-medium [&_tbody_a]:text-brand-700 [&_tbody_a]:underline [&_input]:size-5 " +
  "[&_tbody_button]:text-brand-700 [&_tbody_button]:underline [&_td:nth-child(6)]:text-amber-900 " +
  "max-lg:[&_tbody]:block max-lg:[&_tbody_tr]:grid max-lg:[&_tbody_tr]:grid-cols-[auto_1fr] max-lg:[&_tbody_tr]:py-2 " +
  "max-lg:[&_tbody_tr>*]:py-0.5 max-lg:[&_tbody_tr>*:nth-child(n+3)]:col-start-2 max-lg:[&_td:empty]:hidden";

/** A week can go back to the member once it has ended, until it is approved. */
function canSendBack(phase: WeekPhase): boolean {
  return phase !== "approved" && phase !== "notYet";
}

type HoursApprovalTableProps = {
  weekStart: string;
  /** The rows of this page. */
  rows: HoursApprovalRowView[];
  caption: string;
  empty: string;
};

/**
 * The week's approval list: select members and approve (after a confirmation naming how many; only
 * confirmed weeks are approved, the rest are reported), or send one week back with a comment. One
 * send-back dialog serves every row.
 */
export function HoursApprovalTable({ weekStart, rows, caption, empty }: HoursApprovalTableProps) {
  const t = useTranslations("hoursDashboard");
  const router = useRouter();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<Notice | null>(null);
  const [asking, setAsking] = useState<{ error: string | null } | null>(null);
  const [pending, setPending] = useState(false);
  const [sendingBack, setSendingBack] = useState<HoursApprovalRowView | null>(null);
  const chosen = rows.filter((row) => selected.has(row.id));
  const allChosen = rows.length > 0 && chosen.length === rows.length;

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
      const result = await approveHours({ weeks: chosen.map((row) => ({ personId: row.id, weekStart })) });
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

  function toggle(id: string, on: boolean) {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  }

  return (
    <div className="mt-4">
      <div className="mb-3 flex flex-wrap items-center gap-4">
        <StatusText as="span" className="text-stone-700">
          {t("bulk.selected", { count: chosen.length })}
        </StatusText>
        <Button variant="confirm" disabled={chosen.length === 0 || pending} onClick={() => setAsking({ error: null })}>
          {t("bulk.approve")}
        </Button>
      </div>
      {notice ? (
        <Alert tone={notice.tone} className="mb-3">
          {notice.text}
        </Alert>
      ) : null}
      {rows.length === 0 ? (
        <p className="rounded-xl border border-dashed border-stone-300 bg-white p-6 text-stone-700">{empty}</p>
      ) : (
        <div className="rounded-xl border border-stone-200 bg-white">
          <table className={tableClass}>
            <caption className="px-4 pt-3 pb-2 text-left text-stone-700 max-lg:block">{caption}</caption>
            <thead className="max-lg:sr-only">
              <tr className="bg-stone-50 text-sm text-stone-700">
                <th scope="col">
                  <input
                    type="checkbox"
                    className="align-middle"
                    checked={allChosen}
                    ref={(element) => {
                      if (element) element.indeterminate = chosen.length > 0 && !allChosen;
                    }}
                    onChange={(event) => setSelected(event.target.checked ? new Set(rows.map((row) => row.id)) : new Set())}
                    aria-label={t("table.selectAll")}
                  />
                </th>
                <th scope="col">{t("table.name")}</th>
                <th scope="col">{t("table.total")}</th>
                <th scope="col">{t("table.status")}</th>
                <th scope="col">{t("table.confirmedAt")}</th>
                <th scope="col">{t("table.correction")}</th>
                <th scope="col">
                  <span className="sr-only">{t("table.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <input type="checkbox" checked={selected.has(row.id)} onChange={(event) => toggle(row.id, event.target.checked)} aria-label={row.name} />
                  </td>
                  <th scope="row">
                    <Link href={`/dashboard/hours/${row.id}/${weekStart}`}>{row.name}</Link>
                  </th>
                  <td>{row.total}</td>
                  <td>
                    {t(`phase.${row.phase}`)}
                    {row.returned ? <span className="block text-sm text-stone-700">{t("table.returnedWith", { comment: row.returned })}</span> : null}
                  </td>
                  <td>{row.confirmed ?? ""}</td>
                  <td>{row.correction ?? ""}</td>
                  <td>
                    {canSendBack(row.phase) ? (
                      <button type="button" onClick={() => setSendingBack(row)}>
                        {t("sendBack.open")}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {asking ? (
        <AccessConfirmDialog
          title={t("bulk.confirmTitle")}
          body={t("bulk.confirmBody", { count: chosen.length })}
          details={chosen.slice(0, 10).map((row) => row.name)}
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
          personId={sendingBack.id}
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
