import { getLocale, getMessages, getTimeZone } from "next-intl/server";
import { addedBy, type ClientMessageArea } from "@/lib/i18n/client-messages";
import { IntlClientProvider } from "./intl-client-provider";

/**
 * Hands the client components below it the texts of their part of the app, and nothing more. The
 * development server sends every text, so a new client component works before its namespace is
 * listed; the production build sends only the listed ones, without the parts the area leaves out or
 * fetches on demand and without those the layouts around it already send (the browser's provider adds
 * them together), and tests/unit/i18n/client-messages.test.ts fails while a namespace is missing.
 */
export async function ClientMessages({ area, children }: { area: ClientMessageArea; children: React.ReactNode }) {
  const [messages, locale, timeZone] = await Promise.all([getMessages(), getLocale(), getTimeZone()]);
  const sent = process.env.NODE_ENV === "development" ? messages : addedBy(messages, area);
  return (
    <IntlClientProvider locale={locale} timeZone={timeZone} messages={sent}>
      {children}
    </IntlClientProvider>
  );
}
