"use client";
// The editor of one template in one language: subject, body and button label with placeholders to
// insert at the cursor, save / reset / test, and a live preview (rendered on the server, debounced)
// at phone and desktop width in a sandboxed frame without scripts.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { StatusText } from "@/components/ui/status-text";
import { TextAreaField } from "@/components/ui/text-area-field";
import { htmlForPreviewFrame } from "@/lib/mail/preview";
import {
  previewOrganisationEmailTexts,
  previewProviderEmailTexts,
  resetOrganisationEmailTexts,
  resetProviderEmailTexts,
  saveOrganisationEmailTexts,
  saveProviderEmailTexts,
  sendOrganisationTestEmail,
  sendProviderTestEmail,
} from "@/lib/mail/text-editor-actions";

type Field = "subject" | "body" | "buttonLabel";
type FieldErrors = Partial<Record<Field, string[]>>;

export type EmailTextEditorField = {
  initial: string;
  /** Where the text in use comes from, and what this level inherits, as the admin reads them. */
  inUse: string;
  inherited: string;
  /** Why the stored text is not used; shown above the field. */
  broken: string | null;
};

export type EmailTextEditorLabels = {
  subject: string;
  body: string;
  bodyHint: string;
  buttonLabel: string;
  placeholders: string;
  save: string;
  saving: string;
  saved: string;
  unchanged: string;
  checkFields: string;
  reset: string;
  resetDone: string;
  test: string;
  testSent: string;
  noAddress: string;
  rateLimited: string;
  forbidden: string;
  invalid: string;
  preview: string;
  previewHint: string;
  phone: string;
  desktop: string;
  plainText: string;
  previewSubject: string;
  frameTitle: string;
};

type Props = {
  level: "organisation" | "provider";
  template: string;
  locale: "nl" | "en";
  fields: Partial<Record<Field, EmailTextEditorField>>;
  hasOverride: boolean;
  placeholders: { name: string; label: string }[];
  labels: EmailTextEditorLabels;
  initialPreview: { subject: string; html: string; text: string };
};

const actionsFor = {
  organisation: { save: saveOrganisationEmailTexts, reset: resetOrganisationEmailTexts, preview: previewOrganisationEmailTexts, test: sendOrganisationTestEmail },
  provider: { save: saveProviderEmailTexts, reset: resetProviderEmailTexts, preview: previewProviderEmailTexts, test: sendProviderTestEmail },
};

type Notice = { tone: "success" | "error" | "info"; text: string } | null;

export function EmailTextEditor({ level, template, locale, fields, hasOverride, placeholders, labels, initialPreview }: Props) {
  const actions = actionsFor[level];
  const router = useRouter();
  const [values, setValues] = useState<Record<Field, string>>({
    subject: fields.subject?.initial ?? "",
    body: fields.body?.initial ?? "",
    buttonLabel: fields.buttonLabel?.initial ?? "",
  });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [preview, setPreview] = useState(initialPreview);
  const [width, setWidth] = useState<"phone" | "desktop">("phone");
  const [pending, startTransition] = useTransition();
  const lastFocused = useRef<Field>("body");
  const firstRender = useRef(true);

  const input = { template, locale, ...values };

  // The preview follows the typing, 400 ms after the last key; a slower answer never overwrites a newer one.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    let current = true;
    const timer = setTimeout(async () => {
      const result = await actions.preview({ template, locale, ...values });
      if (!current || !result.ok) return;
      setPreview({ subject: result.value.subject, html: result.value.html, text: result.value.text });
      setFieldErrors(result.value.fieldErrors);
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [actions, template, locale, values]);

  function change(field: Field, value: string) {
    setValues((previous) => ({ ...previous, [field]: value }));
  }

  function insert(name: string) {
    const field = lastFocused.current;
    const element = document.getElementById(`email-text-${field}`) as HTMLInputElement | HTMLTextAreaElement | null;
    const text = `{${name}}`;
    const current = values[field];
    const start = element?.selectionStart ?? current.length;
    const end = element?.selectionEnd ?? current.length;
    change(field, current.slice(0, start) + text + current.slice(end));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + text.length, start + text.length);
    });
  }

  function refused(error: string): Notice {
    return { tone: "error", text: error === "invalid" ? labels.invalid : labels.forbidden };
  }

  function save() {
    startTransition(async () => {
      const result = await actions.save(input);
      if (!result.ok) return setNotice(refused(result.error));
      if (result.value.status === "invalid") {
        setFieldErrors(result.value.fieldErrors);
        return setNotice({ tone: "error", text: labels.checkFields });
      }
      setFieldErrors({});
      setNotice({ tone: result.value.status === "saved" ? "success" : "info", text: result.value.status === "saved" ? labels.saved : labels.unchanged });
      router.refresh();
    });
  }

  function reset() {
    startTransition(async () => {
      const result = await actions.reset({ template, locale });
      if (!result.ok) return setNotice(refused(result.error));
      setNotice({ tone: "success", text: labels.resetDone });
      setValues({ subject: fields.subject?.inherited ?? "", body: fields.body?.inherited ?? "", buttonLabel: fields.buttonLabel?.inherited ?? "" });
      router.refresh();
    });
  }

  function test() {
    startTransition(async () => {
      const result = await actions.test(input);
      if (!result.ok) return setNotice(refused(result.error));
      const value = result.value;
      if (value.status === "invalid") {
        setFieldErrors(value.fieldErrors);
        return setNotice({ tone: "error", text: labels.checkFields });
      }
      if (value.status === "sent") return setNotice({ tone: "success", text: labels.testSent.replace("{address}", value.address) });
      setNotice({ tone: "error", text: value.status === "noAddress" ? labels.noAddress : labels.rateLimited });
    });
  }

  const fieldOrder: Field[] = fields.buttonLabel ? ["subject", "body", "buttonLabel"] : ["subject", "body"];

  return (
    <div className="mt-6 grid gap-8 lg:grid-cols-2">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
        className="flex flex-col gap-5"
      >
        {fieldOrder.map((field) => {
          const state = fields[field];
          const hint = state ? state.inUse : undefined;
          const common = {
            id: `email-text-${field}`,
            name: field,
            value: values[field],
            error: fieldErrors[field]?.[0],
            onFocus: () => {
              lastFocused.current = field;
            },
          };
          return (
            <div key={field}>
              {state?.broken ? (
                <Alert tone="warning" className="mb-2">
                  {state.broken}
                </Alert>
              ) : null}
              {field === "body" ? (
                <TextAreaField {...common} label={labels.body} hint={`${labels.bodyHint} ${hint ?? ""}`} rows={12} onChange={(event) => change(field, event.target.value)} />
              ) : (
                <Field {...common} label={field === "subject" ? labels.subject : labels.buttonLabel} hint={hint} onChange={(event) => change(field, event.target.value)} />
              )}
            </div>
          );
        })}
        <fieldset>
          <legend className="font-medium">{labels.placeholders}</legend>
          <ul className="mt-2 flex flex-wrap gap-2">
            {placeholders.map((placeholder) => (
              <li key={placeholder.name}>
                <button
                  type="button"
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => insert(placeholder.name)}
                  aria-label={placeholder.label}
                  title={placeholder.label}
                  className="rounded-md border border-stone-300 bg-white px-2 py-1 font-mono text-sm hover:border-brand-600"
                >
                  {`{${placeholder.name}}`}
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
        {notice ? (
          <Alert tone={notice.tone} role={notice.tone === "error" ? "alert" : undefined}>
            {notice.text}
          </Alert>
        ) : null}
        <div className="flex flex-wrap gap-3">
          <Button type="submit" variant="save" pending={pending} pendingLabel={labels.saving}>
            {labels.save}
          </Button>
          <Button variant="secondary" onClick={test} disabled={pending}>
            {labels.test}
          </Button>
          {hasOverride ? (
            <Button variant="secondary" onClick={reset} disabled={pending}>
              {labels.reset}
            </Button>
          ) : null}
        </div>
      </form>
      <section aria-labelledby="email-preview-title">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="email-preview-title" className="text-lg font-semibold">
            {labels.preview}
          </h2>
          <div className="flex gap-2" role="group" aria-label={labels.preview}>
            {(["phone", "desktop"] as const).map((option) => (
              <button
                key={option}
                type="button"
                aria-pressed={width === option}
                onClick={() => setWidth(option)}
                className={`rounded-md border px-3 py-1 text-sm ${width === option ? "border-brand-600 bg-brand-50 font-semibold" : "border-stone-300 bg-white"}`}
              >
                {option === "phone" ? labels.phone : labels.desktop}
              </button>
            ))}
          </div>
        </div>
        <StatusText className="mt-1 text-sm text-stone-600">{labels.previewHint}</StatusText>
        <p className="mt-3 font-medium">{labels.previewSubject.replace("{subject}", preview.subject)}</p>
        <div className="mt-2 overflow-x-auto rounded-lg border border-stone-200 bg-stone-100 p-2">
          {/* An empty sandbox: no scripts, no forms, no same-origin access, whatever the HTML holds. */}
          <iframe
            title={labels.frameTitle}
            sandbox=""
            srcDoc={htmlForPreviewFrame(preview.html)}
            className="mx-auto block h-[640px] bg-white"
            style={{ width: width === "phone" ? 375 : "100%" }}
          />
        </div>
        <h3 className="mt-4 font-medium">{labels.plainText}</h3>
        <pre className="mt-2 max-h-80 overflow-auto whitespace-pre-wrap rounded-lg border border-stone-200 bg-white p-3 text-sm">{preview.text}</pre>
      </section>
    </div>
  );
}
