import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/locales";
import { PeopleResultList } from "@/components/member/people-result-list";
import { PeopleSearchBox } from "@/components/member/people-search-box";
import { PeopleTabs } from "@/components/member/people-tabs";
import { requireMember } from "@/lib/auth/session";
import { cachedForOrganisation, organisationKey, type OrganisationKey } from "@/lib/cache/tags";
import { countPeople, getProfileFieldSettings, searchPeople, SEARCH_LIMIT } from "@/lib/people/queries";
import { toSearchResultRow } from "@/lib/people/shared-views";
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

  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <PeopleTabs current="search" />
      <PeopleSearchBox defaultValue={query} />
      <SearchResults organisation={organisationKey(actor.tenantId)} locale={actor.locale} query={query} refused={refused} today={todayIn(actor.timeZone)} />
    </>
  );
}

/**
 * The answer to one search (or the count before anyone searched), the same for every member of the
 * organisation: kept in the page cache per organisation, query, day and language.
 */
async function SearchResults({
  organisation,
  locale,
  query,
  refused,
  today,
}: {
  organisation: OrganisationKey;
  locale: Locale;
  query: string;
  refused: boolean;
  today: string;
}) {
  "use cache";
  const tenantId = cachedForOrganisation(organisation, "people");
  const [t, tPerson] = await Promise.all([getTranslations({ locale, namespace: "people" }), getTranslations({ locale, namespace: "personPage" })]);
  const results = query ? await searchPeople(tenantId, query, await getProfileFieldSettings(tenantId), today) : null;
  const total = results === null ? await countPeople(tenantId, today) : 0;
  const note = "mt-3 rounded-xl border border-dashed border-stone-300 p-4 text-stone-700";

  return (
    <div data-shared-fragment="people-search">
      <p role="status" className="mt-4 text-stone-700">
        {refused
          ? t("search.refused")
          : results === null
            ? t("count", { count: total })
            : results.length === 0
              ? t("search.none", { query })
              : results.length >= SEARCH_LIMIT
                ? t("search.many", { count: results.length })
                : t("search.found", { count: results.length })}
      </p>
      {results === null ? (
        total === 0 ? (
          <p className={note}>{t("empty")}</p>
        ) : (
          <p className={note}>
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
        <p className={note}>{t("search.noneHelp")}</p>
      ) : (
        <PeopleResultList
          people={results.map(toSearchResultRow)}
          labels={{
            call: tPerson.raw("callLabel") as string,
            mail: tPerson.raw("mailLabel") as string,
            mailShort: tPerson("mailShort"),
          }}
        />
      )}
    </div>
  );
}
