import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { clientMessageOmissions, namespacesFor, omitMessages, pickMessages, type ClientMessageArea } from "@/lib/i18n/client-messages";

/**
 * Hands the client components below it the texts of their part of the app, and nothing more. The
 * development server sends every text, so a new client component works before its namespace is
 * listed; the production build sends only the listed ones, and
 * tests/unit/i18n/client-messages.test.ts fails while a namespace is missing.
 */
export async function ClientMessages({ area, children }: { area: ClientMessageArea; children: React.ReactNode }) {
  const messages = await getMessages();
  const sent = process.env.NODE_ENV === "development" ? messages : omitMessages(pickMessages(messages, namespacesFor(area)), clientMessageOmissions[area] ?? []);
  return <NextIntlClientProvider messages={sent}>{children}</NextIntlClientProvider>;
}
