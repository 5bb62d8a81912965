// Renders a template's texts as the member would get them, with the registry's sample values: the
// editor's live preview and its test email. Texts an admin typed are checked before they get here.
import { render } from "@react-email/render";
import { createElement, type ReactElement } from "react";
import { NoticeEmail } from "@/emails/notice";
import { SignInLinkEmail } from "@/emails/sign-in-link";
import type { EmailDetail } from "@/emails/components/detail-list";
import { emailTemplates, layoutTexts, renderEmailTexts, sampleValues, type EmailDetailKey, type EmailLocale, type EmailTemplate, type EmailTexts } from "./registry";

// Values the real senders show in the details box beside the text, so the preview looks like the mail.
const sampleDetails: Partial<Record<EmailTemplate, Partial<Record<EmailDetailKey, string>>>> = {
  "two-factor-code": { code: "123456" },
  invitation: { username: "sanne.jansen", temporaryPassword: "Voorbeeld-wachtwoord-42" },
  username: { username: "sanne.jansen" },
  "login-request": { username: "sanne.jansen" },
  "access-unblocked": { username: "sanne.jansen" },
};

export type RenderedPreview = { subject: string; html: string; text: string };

/** The email element for `texts` (unfilled, with placeholders) filled with sample values. */
export function previewEmailElement(template: EmailTemplate, locale: EmailLocale, texts: EmailTexts, organisationName: string, buttonUrl: string): { subject: string; email: ReactElement } {
  const filled = renderEmailTexts(template, texts, sampleValues(template, locale, organisationName));
  const labels = layoutTexts[locale].detailLabels;
  const details: EmailDetail[] = Object.entries(sampleDetails[template] ?? {}).map(([key, value]) => ({
    label: labels[key as EmailDetailKey],
    value,
    kind: key === "username" || key === "temporaryPassword" || key === "code" ? "code" : "text",
  }));
  const definition = emailTemplates[template];
  const url = definition.hasButton ? buttonUrl : null;
  const email =
    template === "sign-in-link"
      ? createElement(SignInLinkEmail, { locale, organisationName, texts: filled, signInUrl: buttonUrl, details })
      : createElement(NoticeEmail, {
          locale,
          organisationName,
          texts: filled,
          buttonUrl: url,
          details,
          footerNote: url && definition.audience === "member" ? layoutTexts[locale].doNotForward : undefined,
        });
  return { subject: filled.subject, email };
}

export async function renderPreview(template: EmailTemplate, locale: EmailLocale, texts: EmailTexts, organisationName: string, buttonUrl: string): Promise<RenderedPreview> {
  const { subject, email } = previewEmailElement(template, locale, texts, organisationName, buttonUrl);
  const [html, text] = await Promise.all([render(email), render(email, { plainText: true })]);
  return { subject, html, text };
}
