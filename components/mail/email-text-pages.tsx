// The email text pages shared by an organisation's settings and a provider's area: the overview of
// every template grouped by audience, and the editor of one template in one language. The caller's
// page does the guard and passes the scope from the session.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/lib/db/client";
import { getTranslations } from "@/lib/i18n/server";
import { emailLocales, emailTemplates, isEmailLocale, isEmailTemplate, placeholderDescriptions, type EmailLocale } from "@/lib/mail/registry";
import { renderPreview } from "@/lib/mail/text-preview";
import { env } from "@/lib/env";
import { listEditableEmailTexts, type EditableEmailTexts, type EmailTextScope } from "@/lib/mail/text-overrides";
import { EmailTextEditor, type EmailTextEditorField } from "./email-text-editor";

type Status = "own" | "inherited" | "broken";

function statusOf(entry: EditableEmailTexts): Status {
  const fields = Object.values(entry.fields);
  if (fields.some((field) => field.broken)) return "broken";
  return entry.hasOverride ? "own" : "inherited";
}

const statusStyle: Record<Status, string> = {
  own: "bg-brand-50 text-brand-800",
  inherited: "bg-stone-100 text-stone-700",
  broken: "bg-red-100 text-red-900 font-semibold",
};

export async function EmailTextOverview({ scope, basePath, intro, adminLocale }: { scope: EmailTextScope; basePath: string; intro: string; adminLocale: EmailLocale }) {
  const t = await getTranslations("emailTexts");
  const entries = await listEditableEmailTexts(await getDb(), scope, adminLocale);
  const audiences = ["member", "coordinator"] as const;
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-stone-700">{intro}</p>
      {audiences.map((audience) => (
        <section key={audience} className="mt-8" aria-labelledby={`audience-${audience}`}>
          <h2 id={`audience-${audience}`} className="text-lg font-semibold">
            {t(`audience.${audience}`)}
          </h2>
          <ul className="mt-3 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
            {Object.entries(emailTemplates)
              .filter(([, definition]) => definition.audience === audience)
              .map(([template, definition]) => (
                <li key={template} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                  <span>{definition.description[adminLocale]}</span>
                  <span className="flex flex-wrap gap-3">
                    {emailLocales.map((locale) => {
                      const entry = entries.find((candidate) => candidate.template === template && candidate.locale === locale);
                      const status = entry ? statusOf(entry) : "inherited";
                      return (
                        <Link
                          key={locale}
                          href={`${basePath}/${template}?taal=${locale}`}
                          aria-label={t("editLabel", { template: definition.description[adminLocale], language: t(`languages.${locale}`) })}
                          className="flex items-center gap-2 rounded-lg border border-stone-300 px-3 py-1.5 hover:border-brand-600"
                        >
                          <span className="font-medium">{t(`languages.${locale}`)}</span>
                          <span className={`rounded px-1.5 py-0.5 text-sm ${statusStyle[status]}`}>{t(`status.${status}`)}</span>
                        </Link>
                      );
                    })}
                  </span>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/** The route props of an email-text page: the template in the path, the language as ?taal=nl|en. */
export type EmailTextRoute = {
  params: Promise<{ template: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The title of every email-text page, at both levels. */
export async function emailTextsMetadata(): Promise<Metadata> {
  const t = await getTranslations("emailTexts");
  return { title: t("title") };
}

export async function EmailTextEditorPage({
  scope,
  basePath,
  route,
  organisationName,
  adminLocale,
}: {
  scope: EmailTextScope;
  basePath: string;
  route: EmailTextRoute;
  organisationName: string;
  adminLocale: EmailLocale;
}) {
  const [{ template }, query] = await Promise.all([route.params, route.searchParams]);
  const language = typeof query.taal === "string" ? query.taal : undefined;
  if (!isEmailTemplate(template)) notFound();
  const locale: EmailLocale = isEmailLocale(language) ? language : adminLocale;
  const t = await getTranslations("emailTexts");
  const entries = await listEditableEmailTexts(await getDb(), scope, adminLocale);
  const entry = entries.find((candidate) => candidate.template === template && candidate.locale === locale);
  if (!entry) notFound();
  const definition = emailTemplates[template];

  const fields: Partial<Record<"subject" | "body" | "buttonLabel", EmailTextEditorField>> = {};
  for (const [field, state] of Object.entries(entry.fields)) {
    fields[field as keyof typeof fields] = {
      // A broken stored text is shown as typed, so the admin can repair it rather than retype it.
      initial: state.broken && state.stored !== null ? state.stored : state.value,
      inUse: t("editor.inheritedFrom", { source: t(`source.${state.source}`) }),
      inherited: state.inherited,
      broken: state.broken ? t("editor.broken", { reason: state.broken }) : null,
    };
  }
  const initialPreview = await renderPreview(
    template,
    locale,
    { subject: entry.fields.subject?.value ?? "", body: entry.fields.body?.value ?? "", buttonLabel: entry.fields.buttonLabel?.value ?? null },
    organisationName,
    `${env().appUrl}/my`,
  );
  const placeholders = definition.placeholders.map((name) => ({
    name,
    label: t("editor.insert", { placeholder: `{${name}}`, description: placeholderDescriptions[name][adminLocale] }),
  }));
  const editorLabels = {
    subject: t("editor.subject"),
    body: t("editor.body"),
    bodyHint: t("editor.bodyHint"),
    buttonLabel: t("editor.buttonLabel"),
    placeholders: t("editor.placeholders"),
    save: t("editor.save"),
    saving: t("editor.saving"),
    saved: t("editor.saved"),
    unchanged: t("editor.unchanged"),
    checkFields: t("editor.checkFields"),
    reset: t("editor.reset"),
    resetDone: t("editor.resetDone"),
    test: t("editor.test"),
    testSent: t("editor.testSent", { address: "{address}" }),
    noAddress: t("editor.noAddress"),
    rateLimited: t("editor.rateLimited"),
    forbidden: t("editor.forbidden"),
    invalid: t("editor.invalid"),
    preview: t("editor.preview"),
    previewHint: t("editor.previewHint"),
    phone: t("editor.phone"),
    desktop: t("editor.desktop"),
    plainText: t("editor.plainText"),
    previewSubject: t("editor.previewSubject", { subject: "{subject}" }),
    frameTitle: t("editor.frameTitle"),
  };
  const broken = Object.values(entry.fields).some((field) => field.broken);
  return (
    <>
      <p>
        <Link href={basePath} className="text-brand-700 underline underline-offset-2">
          {t("back")}
        </Link>
      </p>
      <h1 className="mt-3 text-2xl font-semibold">{definition.description[adminLocale]}</h1>
      <nav className="mt-3 flex gap-3" aria-label={t("title")}>
        {emailLocales.map((option) => (
          <Link
            key={option}
            href={`${basePath}/${template}?taal=${option}`}
            aria-current={option === locale ? "page" : undefined}
            className={`rounded-lg border px-3 py-1.5 ${option === locale ? "border-brand-600 bg-brand-50 font-semibold" : "border-stone-300"}`}
          >
            {t(`languages.${option}`)}
          </Link>
        ))}
      </nav>
      {broken ? (
        <Alert tone="error" className="mt-4">
          {t("status.broken")}
        </Alert>
      ) : null}
      <EmailTextEditor
        key={`${template}-${locale}`}
        level={scope.level}
        template={template}
        locale={locale}
        fields={fields}
        hasOverride={entry.hasOverride}
        placeholders={placeholders}
        labels={editorLabels}
        initialPreview={initialPreview}
      />
    </>
  );
}
