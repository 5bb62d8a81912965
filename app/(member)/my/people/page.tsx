import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { PeopleSearchBox } from "@/components/member/people-search-box";
import { PeopleTabs } from "@/components/member/people-tabs";
import { PersonCard } from "@/components/member/person-card";
import { requireMember } from "@/lib/auth/session";
import { countPeople, getProfileFieldSettings, searchPeople, SEARCH_LIMIT } from "@/lib/people/queries";
import { todayIn } from "@/lib/dates";
import { readSearchQuery } from "@/lib/people/rules";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("people");
  return { title: t("title") };
}

export default async function PeopleSearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireMember();
  const t = await getTranslations("people");
  const { query, refused } = readSearchQuery((await searchParams).q);
  const today = todayIn(actor.timeZone);
  const settings = query ? await getProfileFieldSettings(actor.tenantId) : null;
  const [results, total] = await Promise.all([
    settings ? searchPeople(actor.tenantId, query, settings, today) : Promise.resolve(null),
    query ? Promise.resolve(null) : countPeople(actor.tenantId, today),
  ]);

  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <PeopleTabs current="search" />
      <PeopleSearchBox defaultValue={query} />
      <p role="status" className="mt-4 text-stone-700">
        {refused
          ? t("search.refused")
          : results === null
            ? t("count", { count: total ?? 0 })
            : results.length === 0
              ? t("search.none", { query })
              : results.length >= SEARCH_LIMIT
                ? t("search.many", { count: results.length })
                : t("search.found", { count: results.length })}
      </p>
      {results === null ? (
        (total ?? 0) === 0 ? (
          <p className="mt-3 rounded-xl border border-dashed border-stone-300 p-4 text-stone-700">{t("empty")}</p>
        ) : (
          <p className="mt-3 rounded-xl border border-dashed border-stone-300 p-4 text-stone-700">
            {t.rich("search.start", {
              link: (chunks) => (
                <Link href="/my/people/photos" className="font-medium text-brand-700 underline">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        )
      ) : results.length === 0 ? (
        <p className="mt-3 rounded-xl border border-dashed border-stone-300 p-4 text-stone-700">{t("search.noneHelp")}</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {results.map((person) => (
            <li key={person.id}>
              <PersonCard person={person} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export const instant = false;
