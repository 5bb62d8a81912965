import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { z } from "zod";
import { PeopleTabs } from "@/components/member/people-tabs";
import { PersonPhoto } from "@/components/member/person-photo";
import { requireMember } from "@/lib/auth/session";
import { getProfileFieldSettings, listGroups, listPhotoBook, type PhotoBookEntry } from "@/lib/people/queries";
import { familyNameOf } from "@/lib/people/names";
import { todayIn } from "@/lib/dates";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("photoBook");
  return { title: t("title") };
}

const groupParam = z.uuid().optional().catch(undefined);
// A page number that is not one (or far beyond the last page) shows the nearest page there is.
const pageParam = z.coerce.number().int().min(1).max(100_000).optional().catch(undefined);

/** Consecutive entries under the letter their last name sorts by ("de Vries" under V). */
function byLetter(entries: PhotoBookEntry[]): Array<{ letter: string; entries: PhotoBookEntry[] }> {
  const sections: Array<{ letter: string; entries: PhotoBookEntry[] }> = [];
  for (const entry of entries) {
    const letter = entry.letter;
    const last = sections.at(-1);
    if (last && last.letter === letter) last.entries.push(entry);
    else sections.push({ letter, entries: [entry] });
  }
  return sections;
}

export default async function PhotoBookPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireMember();
  const t = await getTranslations("photoBook");
  const params = await searchParams;
  const requested = groupParam.parse(params.group);
  const [settings, groups] = await Promise.all([getProfileFieldSettings(actor.tenantId), listGroups(actor.tenantId)]);
  // A group of another organisation, or one that no longer exists, shows everyone.
  const group = groups.find((candidate) => candidate.id === requested) ?? null;
  const book = await listPhotoBook(actor.tenantId, settings, todayIn(actor.timeZone), group?.id ?? null, pageParam.parse(params.page) ?? 1);
  const { entries, total } = book;
  const pageHref = (page: number) => {
    const query = new URLSearchParams();
    if (group) query.set("group", group.id);
    if (page > 1) query.set("page", String(page));
    const search = query.toString();
    return search ? `/my/people/photos?${search}` : "/my/people/photos";
  };
  const pager = "inline-flex min-h-11 items-center rounded-lg border border-stone-300 bg-white px-4 font-medium text-stone-800";
  const chip = "inline-flex min-h-11 shrink-0 items-center rounded-full border px-4 text-sm";

  return (
    <>
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <PeopleTabs current="photoBook" />
      {groups.length > 0 ? (
        <nav aria-label={t("filterLabel")} className="-mx-4 mt-4 overflow-x-auto px-4">
          <ul className="flex gap-2 pb-1">
            <li>
              <Link
                href="/my/people/photos"
                aria-current={group === null ? "page" : undefined}
                className={`${chip} ${group === null ? "border-brand-700 bg-brand-700 font-semibold text-white" : "border-stone-300 bg-white text-stone-800"}`}
              >
                {t("everyone")}
              </Link>
            </li>
            {groups.map((option) => (
              <li key={option.id}>
                <Link
                  href={`/my/people/photos?group=${option.id}`}
                  aria-current={group?.id === option.id ? "page" : undefined}
                  className={`${chip} ${group?.id === option.id ? "border-brand-700 bg-brand-700 font-semibold text-white" : "border-stone-300 bg-white text-stone-800"}`}
                >
                  {option.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <p role="status" className="mt-3 text-stone-700">
        {group ? t("countInGroup", { count: total, group: group.name }) : t("count", { count: total })}
        {book.pages > 1 ? <> · {t("pageOf", { page: book.page, pages: book.pages })}</> : null}
      </p>
      {book.pages > 1 ? (
        <nav aria-label={t("lettersLabel")} className="-mx-4 mt-3 overflow-x-auto px-4">
          <ul className="flex gap-1 pb-1">
            {book.letters.map(({ letter, page }) => (
              <li key={letter}>
                <Link
                  href={`${pageHref(page)}#letter-${letter}`}
                  className={`inline-flex h-11 min-w-11 items-center justify-center rounded-lg text-base font-semibold ${page === book.page ? "bg-brand-50 text-brand-800" : "text-stone-700"}`}
                >
                  {letter}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {entries.length === 0 ? (
        <p className="mt-3 rounded-xl border border-dashed border-stone-300 p-4 text-stone-700">{group ? t("emptyGroup") : t("empty")}</p>
      ) : (
        byLetter(entries).map((section) => (
          <section key={section.letter} aria-labelledby={`letter-${section.letter}`} className="mt-5">
            <h2 id={`letter-${section.letter}`} className="border-b border-stone-200 pb-1 text-lg font-semibold text-stone-700">
              {section.letter}
            </h2>
            <ul className="mt-3 grid grid-cols-3 gap-x-3 gap-y-4 sm:grid-cols-4">
              {section.entries.map((person) => (
                <li key={person.id}>
                  <Link href={`/my/people/${person.id}`} className="flex flex-col items-center gap-2 rounded-lg p-1 text-center">
                    <PersonPhoto person={person} photoId={person.photoId} size="md" lazy />
                    {/* The photo's alt text already names the person for screen readers. */}
                    <span aria-hidden="true" className="text-sm leading-tight">
                      <span className="block font-medium">{person.firstName}</span>
                      <span className="block text-stone-700">{familyNameOf(person)}</span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
      {book.pages > 1 ? (
        <nav aria-label={t("pagesLabel")} className="mt-6 flex items-center justify-between gap-3">
          {book.page > 1 ? (
            <Link href={pageHref(book.page - 1)} rel="prev" className={pager}>
              ← {t("previous")}
            </Link>
          ) : (
            <span />
          )}
          {book.page < book.pages ? (
            <Link href={pageHref(book.page + 1)} rel="next" className={pager}>
              {t("next")} →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

export const instant = false;
