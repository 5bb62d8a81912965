"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";

type HoursExportFormProps = {
  /** The weeks to choose from (their Monday and a label), the week on screen first. */
  weeks: { value: string; label: string }[];
  defaultWeek: string;
  /** YYYY-MM of the week on screen. */
  defaultMonth: string;
};

function fileNameOf(response: Response, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "");
  return match?.[1] ?? fallback;
}

/**
 * "Exporteren": approved hours of a week or a month, per member or per location, as .xlsx or .csv.
 * The file comes straight from the response and is downloaded; nothing is kept in the browser.
 */
export function HoursExportForm({ weeks, defaultWeek, defaultMonth }: HoursExportFormProps) {
  const t = useTranslations("hoursDashboard");
  const [period, setPeriod] = useState<"week" | "month">("week");
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const body =
      period === "week"
        ? { period, weekStart: text("weekStart"), layout: text("layout"), format: text("format") }
        : { period, month: text("month"), layout: text("layout"), format: text("format") };
    setBusy(true);
    setNotice(null);
    try {
      const response = await fetch("/api/hours/export", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      if (!response.ok) {
        const key = response.status === 400 ? (period === "month" ? "errors.invalidMonth" : "errors.invalidWeek") : response.status === 403 ? "errors.forbidden" : response.status === 401 ? "errors.unauthorised" : "export.failed";
        return setNotice({ tone: "error", text: t(key) });
      }
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = fileNameOf(response, `${t("file.fileName")}.${text("format")}`);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setNotice({ tone: "success", text: t("export.done") });
    } catch {
      setNotice({ tone: "error", text: t("export.failed") });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="mt-3 max-w-2xl space-y-4 rounded-xl border border-stone-200 bg-white p-5">
      <fieldset>
        <legend className="font-medium">{t("export.period")}</legend>
        <div className="mt-2 flex flex-wrap gap-6">
          {(["week", "month"] as const).map((option) => (
            <label key={option} className="flex items-center gap-2">
              <input type="radio" name="period" value={option} checked={period === option} onChange={() => setPeriod(option)} className="h-5 w-5 accent-brand-600" />
              {t(option === "week" ? "export.periodWeek" : "export.periodMonth")}
            </label>
          ))}
        </div>
      </fieldset>
      {period === "week" ? (
        <SelectField label={t("export.week")} name="weekStart" defaultValue={defaultWeek} options={weeks} />
      ) : (
        <Field label={t("export.month")} name="month" type="month" size="compact" width="short" defaultValue={defaultMonth} required />
      )}
      <SelectField
        label={t("export.layout")}
        name="layout"
        defaultValue="member"
        options={[
          { value: "member", label: t("export.layoutMember") },
          { value: "location", label: t("export.layoutLocation") },
        ]}
      />
      <SelectField
        label={t("export.format")}
        name="format"
        width="short"
        defaultValue="xlsx"
        options={[
          { value: "xlsx", label: t("export.formatXlsx") },
          { value: "csv", label: t("export.formatCsv") },
        ]}
      />
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <Button variant="save" type="submit" pending={busy} pendingLabel={t("export.busy")}>
        {t("export.submit")}
      </Button>
    </form>
  );
}
