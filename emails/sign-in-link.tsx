// The sign-in link: greeting and text, a green button that signs the member in for 7 days, the link
// written out, and a warning not to forward it.
import { DetailList, type EmailDetail } from "./components/detail-list";
import { BodyText } from "./components/body-text";
import { EmailButton } from "./components/email-button";
import { EmailLayout } from "./components/email-layout";
import { FallbackLink } from "./components/fallback-link";
import { defaultEmailTexts, layoutTexts, renderEmailTexts, type EmailLocale, type EmailTexts } from "@/lib/mail/registry";

export type SignInLinkEmailProps = {
  locale: EmailLocale;
  organisationName: string;
  /** Resolved and filled texts (lib/mail/registry.ts). */
  texts: EmailTexts;
  /** Absolute URL carrying the 7-day access token. */
  signInUrl: string;
  details?: EmailDetail[];
};

export function SignInLinkEmail({ locale, organisationName, texts, signInUrl, details = [] }: SignInLinkEmailProps) {
  const words = layoutTexts[locale];
  return (
    <EmailLayout locale={locale} preview={texts.subject} organisationName={organisationName} footerNote={words.doNotForward}>
      <BodyText text={texts.body} />
      <DetailList details={details} />
      <EmailButton href={signInUrl} label={texts.buttonLabel ?? texts.subject} />
      <FallbackLink href={signInUrl} label={words.fallbackLink} />
    </EmailLayout>
  );
}

SignInLinkEmail.PreviewProps = {
  locale: "nl",
  organisationName: "Buurthuis De Linde",
  texts: renderEmailTexts("sign-in-link", defaultEmailTexts("sign-in-link", "nl"), {
    voornaam: "Fatima",
    gebruikersnaam: "fatima.elamrani",
    organisatie: "Buurthuis De Linde",
  }),
  signInUrl: "http://localhost:3000/verify?token=preview-token",
} satisfies SignInLinkEmailProps;

// The React Email preview server needs a default export; it is the same component.
export default SignInLinkEmail;
