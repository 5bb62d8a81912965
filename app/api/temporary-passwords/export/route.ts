// "Reset passwords and export": issues the temporary passwords and answers with the mail-merge file
// itself, streamed to the coordinator once and never stored. A POST with a JSON body (a cross-site form
// cannot send one), built with coordinatorRoute; ids of another organisation answer 404 like missing ones.
import { createTranslator } from "next-intl";
import { coordinatorRoute } from "@/lib/auth/route-guards";
import { recordNotFound, refusesOtherOrganisationReference } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import en from "@/lib/i18n/messages/en.json";
import nl from "@/lib/i18n/messages/nl.json";
import type { Locale } from "@/lib/i18n/locales";
import { findControlCharacterField } from "@/lib/plain-text";
import { resetForExport } from "@/lib/accounts/temporary-passwords/issuing";
import { buildTemporaryPasswordFile } from "@/lib/accounts/temporary-passwords/export";
import { exportTemporaryPasswordsSchema } from "@/lib/accounts/temporary-passwords/schemas";

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" } });
}

/** The file's column names in the coordinator's own language (their choice, else the organisation's). */
function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: locale === "en" ? en : nl, namespace: "temporaryPasswords.file" });
}

/** Same-origin only: the browser's Origin (when sent) must be this app's. */
function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  return origin === new URL(env().appUrl).origin || origin === new URL(request.url).origin;
}

export const POST = coordinatorRoute<Record<string, never>>("exportTemporaryPasswords", async (actor, request) => {
  if (!request.headers.get("content-type")?.startsWith("application/json") || !isSameOrigin(request)) return json(415, { error: "invalid" });
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    return json(400, { error: "invalid" });
  }
  if (findControlCharacterField(raw)) return json(400, { error: "invalid" });
  const parsed = exportTemporaryPasswordsSchema.safeParse(raw);
  if (!parsed.success) return json(400, { error: "invalid" });
  // The body names people and groups: one of another organisation is logged and answered as missing.
  if (await refusesOtherOrganisationReference("exportTemporaryPasswords", "coordinator", actor, parsed.data)) recordNotFound();
  const exported = await resetForExport(actor.tenantId, actor, parsed.data);
  if (exported.result.outcome === "refused") {
    if (exported.result.reason === "unknownPeople" || exported.result.reason === "unknownGroup") recordNotFound();
    return json(409, exported.result);
  }
  const t = translatorFor(actor.locale);
  const file = await buildTemporaryPasswordFile(
    parsed.data.format,
    { name: t("name"), username: t("username"), email: t("email"), temporaryPassword: t("temporaryPassword") },
    exported.rows,
    t("fileName"),
  );
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      "x-issued-count": String(exported.result.issued),
    },
  });
});
