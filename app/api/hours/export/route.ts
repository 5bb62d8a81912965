// The payroll export of approved hours: a week or a calendar month, per member or per location, as
// .xlsx or .csv, answered as the file itself. A POST with a JSON body (a cross-site form cannot send
// one), built with coordinatorJsonRoute, so a member is refused before anything is read.
import { createTranslator } from "next-intl";
import { coordinatorJsonRoute, fileResponse } from "@/lib/auth/route-guards";
import { exportHoursSchema } from "@/lib/hours/coordinator-schemas";
import { exportApprovedHours, type HoursExportRequest } from "@/lib/hours/export";
import en from "@/lib/i18n/messages/en.json";
import nl from "@/lib/i18n/messages/nl.json";
import type { Locale } from "@/lib/i18n/locales";

/** The file's column names in the coordinator's own language (their choice, else the organisation's). */
function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: locale === "en" ? en : nl, namespace: "hoursDashboard.file" });
}

export const POST = coordinatorJsonRoute("exportHours", exportHoursSchema, async (actor, input) => {
  const exportRequest: HoursExportRequest = {
    period: input.period === "week" ? { kind: "week", weekStart: input.weekStart } : { kind: "month", month: input.month },
    layout: input.layout,
    format: input.format,
    personIds: input.personIds,
  };
  const t = translatorFor(actor.locale);
  const file = await exportApprovedHours(
    actor,
    exportRequest,
    {
      member: t("member"),
      week: t("week"),
      date: t("date"),
      activity: t("activity"),
      location: t("location"),
      start: t("start"),
      end: t("end"),
      breakMinutes: t("breakMinutes"),
      hours: t("hours"),
      total: t("total"),
      noLocation: t("noLocation"),
      sheetName: t("sheetName"),
      fileName: t("fileName"),
    },
    actor.locale === "en" ? "." : ",",
  );
  return fileResponse(file, { "x-line-count": String(file.lines) });
});
