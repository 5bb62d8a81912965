// The development mailbox: every message in the outbox, newest first. Exists only in development
// without SMTP; otherwise a 404 (production refuses to start with DEV_MAILBOX set).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { env } from "@/lib/env";
import { formats } from "@/lib/i18n/formats";
import { listMailboxMessages } from "@/lib/mail/queries";
import { MailStatusBadge } from "./mail-status-badge";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Mailbox", robots: { index: false, follow: false } };

const timeFormat = new Intl.DateTimeFormat("nl-NL", { ...formats.dateTime.shortMoment, timeZone: "Europe/Amsterdam" });

export default async function DevMailboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Request time only: the build must never query the database or decide about the mailbox.
  await connection();
  if (!env().devMailboxEnabled) notFound();
  const { to: rawTo } = await searchParams;
  const to = typeof rawTo === "string" && rawTo.trim() !== "" ? rawTo.trim() : undefined;
  const messages = await listMailboxMessages({ to, limit: 200 });

  return (
    <main className="mx-auto max-w-5xl px-4 py-6 sm:px-8">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Mailbox</h1>
          <p className="mt-1 max-w-prose text-sm text-stone-600">
            Er is geen SMTP ingesteld, dus er gaat geen e-mail de deur uit. Hier staat alles wat Ploeg zou versturen.
          </p>
        </div>
        <a href={to ? `/dev/mail.json?to=${encodeURIComponent(to)}` : "/dev/mail.json"} className="text-sm font-medium text-brand-700 underline">
          Als JSON
        </a>
      </header>

      <form method="get" className="mt-6 flex flex-wrap gap-2" role="search">
        <label htmlFor="to" className="sr-only">
          Ontvanger
        </label>
        <input
          id="to"
          name="to"
          type="search"
          defaultValue={to}
          placeholder="Filter op e-mailadres"
          className="min-w-0 flex-1 rounded-lg border border-stone-300 bg-white px-3 py-2"
        />
        <Button variant="confirm" type="submit">
          Filter
        </Button>
        {to ? (
          <Link href="/dev/mail" className="self-center px-2 text-sm text-stone-600 underline">
            Alles tonen
          </Link>
        ) : null}
      </form>

      {messages.length === 0 ? (
        <p className="mt-10 text-center text-stone-600">{to ? `Geen e-mails aan ${to}.` : "Nog geen e-mails."}</p>
      ) : (
        <ul className="mt-6 divide-y divide-stone-200 overflow-hidden rounded-xl border border-stone-200 bg-white">
          {messages.map((message) => (
            <li key={message.id}>
              <Link href={`/dev/mail/${message.id}`} className="grid gap-1 px-4 py-3 hover:bg-stone-50 sm:grid-cols-[10rem_14rem_1fr_auto] sm:items-center sm:gap-4">
                <time dateTime={message.createdAt.toISOString()} className="text-sm tabular-nums text-stone-500">
                  {timeFormat.format(message.createdAt)}
                </time>
                <span className="truncate text-sm text-stone-700" title={message.toAddress}>
                  {message.toName ? `${message.toName} <${message.toAddress}>` : message.toAddress}
                </span>
                <span className="truncate font-medium">{message.subject}</span>
                <MailStatusBadge status={message.status} />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
