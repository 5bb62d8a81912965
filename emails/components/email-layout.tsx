// The frame every Ploeg email shares: organisation name on top, the message, and a footer saying who sent it.
import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { layoutTexts, type EmailLocale } from "@/lib/mail/registry";

export type EmailLayoutProps = {
  locale: EmailLocale;
  /** The line mail apps show beside the subject. */
  preview: string;
  organisationName: string;
  /** An extra footer line, e.g. the warning not to forward a sign-in link. */
  footerNote?: string;
  children: ReactNode;
};

// Inline styles only: many mail apps drop <style> blocks and class names.
const body = { backgroundColor: "#f5f5f4", fontFamily: 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif', margin: 0, padding: "24px 0" };
const container = { backgroundColor: "#ffffff", borderRadius: "12px", maxWidth: "560px", margin: "0 auto", padding: "32px 28px" };
const organisation = { color: "#16803c", fontSize: "14px", fontWeight: 600, letterSpacing: "0.02em", margin: "0 0 24px" };
const divider = { borderColor: "#e7e5e4", margin: "32px 0 16px" };
const footer = { color: "#78716c", fontSize: "13px", lineHeight: "20px", margin: "4px 0" };

export function EmailLayout({ locale, preview, organisationName, footerNote, children }: EmailLayoutProps) {
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Text style={organisation}>{organisationName}</Text>
          <Section>{children}</Section>
          <Hr style={divider} />
          {footerNote ? <Text style={footer}>{footerNote}</Text> : null}
          <Text style={footer}>{layoutTexts[locale].footer(organisationName)}</Text>
        </Container>
      </Body>
    </Html>
  );
}
