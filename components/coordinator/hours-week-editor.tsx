"use client";
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/auth/guards";
import type { CorrectionResult } from "@/lib/hours/corrections";
import { addHoursOutsideShift, changeHoursOutsideShift, correctShift, removeHoursOutsideShift, setNoShow } from "@/lib/hours/coordinator-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { Table, type TableColumn } from "@/components/ui/table";
import { AccessConfirmDialog } from "./access-confirm-dialog";
import { hoursFailureText } from "./hours-failure";

export type HoursLineView = {
  key: string;
  shiftId: string | null;
  /** The row of hours outside a shift. */
  entryId: string | null;
  /** YYYY-MM-DD of the start, organisation zone. */
  dayKey: string;
  dayLabel: string;
  what: string;
  activity: string;
  locationId: string | null;
  planned: string | null;
  worked: string;
  start: string;
  end: string;
  breakMinutes: number;
  hours: string;
  noShow: boolean;
};

type HoursWeekEditorProps = {
  personId: string;
  lines: HoursLineView[];
  /** An approved week: shown, not editable. */
  locked: boolean;
  days: { value: string; label: string }[];
  locations: { value: string; label: string }[];
  caption: string;
};

type Editing = { line: HoursLineView | null; day: string; start: string; end: string; breakMinutes: string; activity: string; locationId: string };

/**
 * The member's lines of the week with the coordinator's corrections: change start, end and break, mark
 * a no-show, add hours outside a shift and change or remove them. Every change is checked again on the
 * server, which also refuses an approved week.
 */
export function HoursWeekEditor({ personId, lines, locked, days, locations, caption }: HoursWeekEditorProps) {
  const t = useTranslations("hoursDashboard");
  const router = useRouter();
  const titleId = useId();
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [editError, setEditError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<HoursLineView | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  /** The sentence for an answer; true when the change was made. */
  function report(result: ActionResult<CorrectionResult>, onError: (text: string) => void): boolean {
    if (!result.ok) {
      onError(hoursFailureText(t, result));
      return false;
    }
    if (result.value.outcome === "refused") {
      onError(t(`errors.${result.value.problem}`));
      return false;
    }
    setNotice({ tone: "success", text: t(result.value.reopened ? "done.savedReopened" : "done.saved") });
    router.refresh();
    return true;
  }

  async function run(key: string, call: () => Promise<ActionResult<CorrectionResult>>, onError: (text: string) => void): Promise<boolean> {
    setBusy(key);
    try {
      return report(await call(), onError);
    } catch {
      onError(t("errors.failed"));
      return false;
    } finally {
      setBusy(null);
    }
  }

  const showError = (text: string) => setNotice({ tone: "error", text });

  async function save(event: React.FormEvent) {
    event.preventDefault();
    if (!editing) return;
    setEditError(null);
    const times = { personId, day: editing.day, start: editing.start, end: editing.end, breakMinutes: editing.breakMinutes === "" ? "0" : editing.breakMinutes };
    const line = editing.line;
    const extra = { ...times, activity: editing.activity, locationId: editing.locationId };
    const done = await run(
      "dialog",
      () =>
        line?.shiftId
          ? correctShift({ ...times, shiftId: line.shiftId })
          : line?.entryId
            ? changeHoursOutsideShift({ ...extra, entryId: line.entryId })
            : addHoursOutsideShift(extra),
      setEditError,
    );
    if (done) setEditing(null);
  }

  function edit(line: HoursLineView | null) {
    setNotice(null);
    setEditError(null);
    setEditing(
      line
        ? { line, day: line.dayKey, start: line.start, end: line.end, breakMinutes: String(line.breakMinutes), activity: line.activity, locationId: line.locationId ?? "" }
        : { line: null, day: days[0]?.value ?? "", start: "", end: "", breakMinutes: "0", activity: "", locationId: "" },
    );
  }

  const columns: TableColumn<HoursLineView>[] = [
    { key: "day", header: t("person.day"), rowHeader: true, cell: (line) => line.dayLabel },
    {
      key: "what",
      header: t("person.what"),
      cell: (line) => (
        <>
          <span>{line.what}</span>
          {line.shiftId === null ? <span className="mt-1 block text-sm text-stone-700">{t("person.outsideShift")}</span> : null}
        </>
      ),
    },
    { key: "planned", header: t("person.planned"), cell: (line) => line.planned ?? t("table.none"), cellClassName: "px-3 py-3 align-top whitespace-nowrap tabular-nums" },
    {
      key: "worked",
      header: t("person.worked"),
      cell: (line) => (line.noShow ? <span className="font-medium text-red-800">{t("person.noShow")}</span> : line.worked),
      cellClassName: "px-3 py-3 align-top whitespace-nowrap tabular-nums",
    },
    { key: "break", header: t("person.break"), cell: (line) => t("person.minutes", { minutes: line.breakMinutes }), cellClassName: "px-3 py-3 align-top whitespace-nowrap tabular-nums" },
    { key: "hours", header: t("person.hours"), cell: (line) => line.hours, cellClassName: "px-3 py-3 align-top tabular-nums" },
  ];
  if (!locked) {
    columns.push({
      key: "actions",
      header: <span className="sr-only">{t("table.actions")}</span>,
      cell: (line) => (
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => edit(line)} disabled={busy !== null}>
            {t("person.edit")}
          </Button>
          {line.shiftId ? (
            <Button
              variant="secondary"
              disabled={busy !== null}
              pending={busy === line.key}
              onClick={() => {
                const shiftId = line.shiftId ?? "";
                setNotice(null);
                void run(line.key, () => setNoShow({ personId, shiftId, noShow: !line.noShow }), showError);
              }}
            >
              {t(line.noShow ? "person.unmarkNoShow" : "person.markNoShow")}
            </Button>
          ) : (
            <Button variant="secondary" onClick={() => setRemoving(line)} disabled={busy !== null}>
              {t("person.remove")}
            </Button>
          )}
        </div>
      ),
    });
  }

  return (
    <div className="mt-3">
      {notice ? (
        <Alert tone={notice.tone} className="mb-3">
          {notice.text}
        </Alert>
      ) : null}
      <Table caption={caption} columns={columns} rows={lines} rowKey={(line) => line.key} empty={<p className="text-stone-700">{t("person.noLines")}</p>} stackBelow="lg" />
      {locked ? null : (
        <section aria-labelledby="add-hours" className="mt-6">
          <h3 id="add-hours" className="text-lg font-semibold">
            {t("person.addTitle")}
          </h3>
          <p className="mt-1 max-w-2xl text-stone-700">{t("person.addHint")}</p>
          <Button variant="secondary" className="mt-3" onClick={() => edit(null)} disabled={busy !== null}>
            {t("person.add")}
          </Button>
        </section>
      )}

      {editing ? (
        <Dialog labelledBy={titleId} width="large" openOnMount onCancel={() => (busy ? undefined : setEditing(null))}>
          <form onSubmit={save} className="space-y-4 p-5 sm:p-6" noValidate>
            <h2 id={titleId} className="text-xl font-semibold">
              {editing.line ? t("person.editTitle", { what: `${editing.line.dayLabel}, ${editing.line.what}` }) : t("person.addTitle")}
            </h2>
            {editing.line?.shiftId ? null : (
              <>
                <SelectField label={t("person.addDay")} value={editing.day} onChange={(event) => setEditing({ ...editing, day: event.target.value })} options={days} />
                <Field label={t("person.activity")} size="compact" maxLength={120} value={editing.activity} onChange={(event) => setEditing({ ...editing, activity: event.target.value })} required />
                <SelectField
                  label={t("person.location")}
                  value={editing.locationId}
                  onChange={(event) => setEditing({ ...editing, locationId: event.target.value })}
                  options={[{ value: "", label: t("person.noLocationOption") }, ...locations]}
                />
              </>
            )}
            <div className="flex flex-wrap gap-4">
              <Field label={t("person.start")} type="time" size="compact" width="short" value={editing.start} onChange={(event) => setEditing({ ...editing, start: event.target.value })} required />
              <Field label={t("person.end")} type="time" size="compact" width="short" hint={t("person.endHint")} hintBelow value={editing.end} onChange={(event) => setEditing({ ...editing, end: event.target.value })} required />
              <Field label={t("person.breakMinutes")} type="number" min={0} step={5} size="compact" width="short" value={editing.breakMinutes} onChange={(event) => setEditing({ ...editing, breakMinutes: event.target.value })} />
            </div>
            {editError ? <Alert tone="error">{editError}</Alert> : null}
            <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
              <Button variant="secondary" onClick={() => setEditing(null)} disabled={busy !== null}>
                {t("person.cancel")}
              </Button>
              <Button variant="confirm" type="submit" pending={busy === "dialog"} pendingLabel={t("person.saving")}>
                {editing.line ? t("person.save") : t("person.add")}
              </Button>
            </div>
          </form>
        </Dialog>
      ) : null}

      {removing ? (
        <AccessConfirmDialog
          title={t("person.removeTitle")}
          body={t("person.removeBody", { what: removing.what, day: removing.dayLabel })}
          details={[]}
          warning={null}
          error={null}
          checkLabel={null}
          confirmLabel={t("person.remove")}
          pendingLabel={t("person.saving")}
          cancelLabel={t("person.cancel")}
          tone="danger"
          pending={busy === "remove"}
          onConfirm={async () => {
            const entryId = removing.entryId ?? "";
            await run("remove", () => removeHoursOutsideShift({ personId, entryId }), showError);
            setRemoving(null);
          }}
          onCancel={() => setRemoving(null)}
        />
      ) : null}
    </div>
  );
}
