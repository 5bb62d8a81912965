// "Reset passwords and export": issues the temporary passwords and answers with the mail-merge file
// itself, streamed to the coordinator once and never stored. A POST with a JSON body (a cross-site form
// cannot send one), built with coordinatorJsonRoute; ids of another organisation answer 404 like missing ones.
import { createTranslator } from "next-intl";
import { coordinatorJsonRoute, fileResponse, jsonResponse } from "@/lib/auth/route-guards";
import { recordNotFound } from "@/lib/auth/guards";
import en from "@/lib/i18n/messages/en.json";
import nl from "@/lib/i18n/messages/nl.json";
import type { Locale } from "@/lib/i18n/locales";
import { resetForExport } from "@/lib/accounts/temporary-passwords/issuing";
import { buildTemporaryPasswordFile } from "@/lib/accounts/temporary-passwords/export";
import { exportTemporaryPasswordsSchema } from "@/lib/accounts/temporary-passwords/schemas";

/** The file's column names in the coordinator's own language (their choice, else the organisation's). */
function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: locale === "en" ? en : nl, namespace: "temporaryPasswords.file" });
}

export const POST = coordinatorJsonRoute("exportTemporaryPasswords", exportTemporaryPasswordsSchema, async (actor, input) => {
  const exported = await resetForExport(actor.tenantId, actor, input);
  if (exported.result.outcome === "refused") {
    if (exported.result.reason === "unknownPeople" || exported.result.reason === "unknownGroup") recordNotFound();
    return jsonResponse(409, exported.result);
  }
  const t = translatorFor(actor.locale);
  const file = await buildTemporaryPasswordFile(
    input.format,
    { name: t("name"), username: t("username"), email: t("email"), temporaryPassword: t("temporaryPassword") },
    exported.rows,
    t("fileName"),
  );
  return fileResponse(file, { "x-issued-count": String(exported.result.issued) });
});
