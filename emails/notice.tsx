// The general message: text, optional details box, and an optional green button with its link written out.
// Every template without a layout of its own renders through this.
import { Link, Text } from "@react-email/components";
import { BodyText } from "./components/body-text";
import { DetailList, type EmailDetail } from "./components/detail-list";
import { EmailButton } from "./components/email-button";
import { EmailLayout } from "./components/email-layout";
import { FallbackLink } from "./components/fallback-link";
import { defaultEmailTexts, layoutTexts, renderEmailTexts, type EmailLocale, type EmailTexts } from "@/lib/mail/registry";

export type NoticeEmailProps = {
  locale: EmailLocale;
  organisationName: string;
  /** Resolved and filled texts (lib/mail/registry.ts). */
  texts: EmailTexts;
  /** Absolute URL; the button is shown only with both a URL and a label. */
  buttonUrl?: string | null;
  details?: EmailDetail[];
  footerNote?: string;
  /** A quieter link under the button, e.g. the shift as a calendar file. */
  calendarLink?: { href: string; label: string };
};

export function NoticeEmail({ locale, organisationName, texts, buttonUrl, details = [], footerNote, calendarLink }: NoticeEmailProps) {
  return (
    <EmailLayout locale={locale} preview={texts.subject} organisationName={organisationName} footerNote={footerNote}>
      <BodyText text={texts.body} />
      <DetailList details={details} />
      {buttonUrl && texts.buttonLabel ? (
        <>
          <EmailButton href={buttonUrl} label={texts.buttonLabel} />
          <FallbackLink href={buttonUrl} label={layoutTexts[locale].fallbackLink} />
        </>
      ) : null}
      {calendarLink ? (
        <Text style={{ margin: "16px 0 0", fontSize: "16px", lineHeight: "24px" }}>
          <Link href={calendarLink.href} style={{ color: "#166534", textDecoration: "underline" }}>
            {calendarLink.label}
          </Link>
        </Text>
      ) : null}
    </EmailLayout>
  );
}

NoticeEmail.PreviewProps = {
  locale: "nl",
  organisationName: "Buurthuis De Linde",
  texts: renderEmailTexts("handover-request", defaultEmailTexts("handover-request", "nl"), {
    voornaam: "Sanne",
    collega: "Pieter de Vries",
    dienst: "Bardienst, Buurthuis De Linde, zaterdag 14 maart 14:00–18:00",
    bericht: "Ik ben die dag jarig. Wie kan er voor me invallen?",
    organisatie: "Buurthuis De Linde",
  }),
  buttonUrl: "http://localhost:3000/verify?token=preview-token&next=%2Fmy%2Fhandovers%2Fpreview",
  details: [{ label: "Bericht van Pieter de Vries", value: "Ik ben die dag jarig. Wie kan er voor me invallen?", kind: "text" }],
  footerNote: layoutTexts.nl.doNotForward,
} satisfies NoticeEmailProps;

// The React Email preview server needs a default export; it is the same component.
export default NoticeEmail;
