// The payroll export of approved hours: a week or a calendar month, per member or per location, as
// .xlsx or .csv, answered as the file itself. A POST with a JSON body (a cross-site form cannot send
// one), built with coordinatorRoute, so a member is refused before anything is read.
import { createTranslator } from "next-intl";
import { recordNotFound, refusesOtherOrganisationReference } from "@/lib/auth/guards";
import { coordinatorRoute } from "@/lib/auth/route-guards";
import { env } from "@/lib/env";
import { exportHoursSchema } from "@/lib/hours/coordinator-schemas";
import { exportApprovedHours, type HoursExportRequest } from "@/lib/hours/export";
import en from "@/lib/i18n/messages/en.json";
import nl from "@/lib/i18n/messages/nl.json";
import type { Locale } from "@/lib/i18n/locales";
import { findControlCharacterField } from "@/lib/plain-text";

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" } });
}

/** The file's column names in the coordinator's own language (their choice, else the organisation's). */
function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: locale === "en" ? en : nl, namespace: "hoursDashboard.file" });
}

/** Same-origin only: the browser's Origin (when sent) must be this app's. */
function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  return origin === new URL(env().appUrl).origin || origin === new URL(request.url).origin;
}

export const POST = coordinatorRoute<Record<string, never>>("exportHours", async (actor, request) => {
  if (!request.headers.get("content-type")?.startsWith("application/json") || !isSameOrigin(request)) return json(415, { error: "invalid" });
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    return json(400, { error: "invalid" });
  }
  if (findControlCharacterField(raw)) return json(400, { error: "invalid" });
  const parsed = exportHoursSchema.safeParse(raw);
  if (!parsed.success) return json(400, { error: "invalid" });
  // Any record the body names must be this organisation's: another's is logged and answered as missing.
  if (await refusesOtherOrganisationReference("exportHours", "coordinator", actor, parsed.data)) recordNotFound();
  const input = parsed.data;
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
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      "x-line-count": String(file.lines),
    },
  });
});
