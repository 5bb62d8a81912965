// One message from the development mailbox: the HTML as the member would see it, its links, and the text version.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { z } from "zod";
import { env } from "@/lib/env";
import { formats } from "@/lib/i18n/formats";
import { extractLinks, htmlForPreviewFrame } from "@/lib/mail/preview";
import { getMailboxMessage } from "@/lib/mail/queries";
import { MailStatusBadge } from "../mail-status-badge";

export const metadata: Metadata = { title: "Mailbox", robots: { index: false, follow: false } };

const timeFormat = new Intl.DateTimeFormat("nl-NL", { ...formats.dateTime.fullMoment, timeZone: "Europe/Amsterdam" });

export default async function DevMailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  if (!env().devMailboxEnabled) notFound();
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const message = await getMailboxMessage(id.data);
  if (!message) notFound();
  const links = extractLinks(message.html);

  return (
    <main className="mx-auto max-w-5xl px-4 py-6 sm:px-8">
      <Link href="/dev/mail" className="text-sm font-medium text-brand-700 underline">
        ← Mailbox
      </Link>
      <h1 className="mt-3 text-2xl font-semibold">{message.subject}</h1>

      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-stone-500">Aan</dt>
        <dd className="break-all">{message.toName ? `${message.toName} <${message.toAddress}>` : message.toAddress}</dd>
        <dt className="text-stone-500">Tijd</dt>
        <dd>
          <time dateTime={message.createdAt.toISOString()}>{timeFormat.format(message.createdAt)}</time>
        </dd>
        <dt className="text-stone-500">Sjabloon</dt>
        <dd className="font-mono">{message.template}</dd>
        <dt className="text-stone-500">Status</dt>
        <dd className="flex items-center gap-2">
          <MailStatusBadge status={message.status} />
          {message.attempts > 0 ? <span className="text-stone-500">{message.attempts} poging(en)</span> : null}
        </dd>
        {message.lastError ? (
          <>
            <dt className="text-stone-500">Laatste fout</dt>
            <dd className="break-words text-red-800">{message.lastError}</dd>
          </>
        ) : null}
      </dl>

      <section className="mt-6" aria-labelledby="html-version">
        <h2 id="html-version" className="text-lg font-semibold">
          HTML-versie
        </h2>
        {/* No scripts and an opaque origin: the email cannot touch this page. Links may open a tab or the whole window. */}
        <iframe
          title={`HTML-versie van ${message.subject}`}
          srcDoc={htmlForPreviewFrame(message.html)}
          sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"
          referrerPolicy="no-referrer"
          className="mt-2 h-[70vh] w-full rounded-xl border border-stone-200 bg-white"
        />
      </section>

      {links.length > 0 ? (
        <section className="mt-6" aria-labelledby="links">
          <h2 id="links" className="text-lg font-semibold">
            Links
          </h2>
          <ul className="mt-2 space-y-1">
            {links.map((href) => (
              <li key={href}>
                <a href={href} className="break-all font-mono text-sm text-brand-700 underline">
                  {href}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="mt-6" aria-labelledby="text-version">
        <h2 id="text-version" className="text-lg font-semibold">
          Tekstversie
        </h2>
        <pre className="mt-2 overflow-x-auto whitespace-pre-wrap rounded-xl border border-stone-200 bg-white p-4 text-sm">{message.text}</pre>
      </section>
    </main>
  );
}
