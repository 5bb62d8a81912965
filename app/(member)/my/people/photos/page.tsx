import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/locales";
import { z } from "zod";
import { PeopleTabs } from "@/components/member/people-tabs";
import { PhotoBookFaces } from "@/components/member/photo-book-faces";
import { requireMember } from "@/lib/auth/session";
import { cachedForOrganisation, organisationKey, type OrganisationKey } from "@/lib/cache/tags";
import { getProfileFieldSettings, listGroups, listPhotoBook } from "@/lib/people/queries";
import { toPhotoBookSections } from "@/lib/people/shared-views";
import { todayIn } from "@/lib/dates";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("photoBook");
  return { title: t("title") };
}

const groupParam = z.uuid().optional().catch(undefined);
// A page number that is not one (or far beyond the last page) shows the nearest page there is.
const pageParam = z.coerce.number().int().min(1).max(100_000).optional().catch(undefined);

export default async function PhotoBookPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireMember();
  const t = await getTranslations("photoBook");
  const params = await searchParams;

  return (
    <>
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <PeopleTabs current="photoBook" />
      <PhotoBookSheet
        organisation={organisationKey(actor.tenantId)}
        locale={actor.locale}
        groupId={groupParam.parse(params.group) ?? null}
        page={pageParam.parse(params.page) ?? 1}
        today={todayIn(actor.timeZone)}
      />
    </>
  );
}

/**
 * One page of the photo book (everyone or a group), the same for every member of the organisation:
 * kept in the page cache per organisation, group, page, day and language.
 */
async function PhotoBookSheet({
  organisation,
  locale,
  groupId,
  page,
  today,
}: {
  organisation: OrganisationKey;
  locale: Locale;
  groupId: string | null;
  page: number;
  today: string;
}) {
  "use cache";
  const tenantId = cachedForOrganisation(organisation, "people");
  const [t, settings, groups] = await Promise.all([
    getTranslations({ locale, namespace: "photoBook" }),
    getProfileFieldSettings(tenantId),
    listGroups(tenantId),
  ]);
  // A group of another organisation, or one that no longer exists, shows everyone.
  const group = groups.find((candidate) => candidate.id === groupId) ?? null;
  const book = await listPhotoBook(tenantId, settings, today, group?.id ?? null, page);
  const firstPage = group ? `/my/people/photos?group=${group.id}` : "/my/people/photos";
  const pageHref = (target: number) => (target > 1 ? `${firstPage}${group ? "&" : "?"}page=${target}` : firstPage);
  const pager = "inline-flex min-h-11 items-center rounded-lg border border-stone-300 bg-white px-4 font-medium text-stone-800";
  const chip = "inline-flex min-h-11 shrink-0 items-center rounded-full border px-4 text-sm";
  const chosen = "border-brand-700 bg-brand-700 font-semibold text-white";
  const other = "border-stone-300 bg-white text-stone-800";

  return (
    <div data-shared-fragment="photo-book">
      {groups.length > 0 ? (
        <nav aria-label={t("filterLabel")} className="-mx-4 mt-4 overflow-x-auto px-4">
          <ul className="flex gap-2 pb-1">
            {[{ id: null, name: t("everyone") }, ...groups].map((option) => (
              <li key={option.id ?? "everyone"}>
                <Link
                  href={option.id ? `/my/people/photos?group=${option.id}` : "/my/people/photos"}
                  aria-current={(group?.id ?? null) === option.id ? "page" : undefined}
                  className={`${chip} ${(group?.id ?? null) === option.id ? chosen : other}`}
                >
                  {option.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <p role="status" className="mt-3 text-stone-700">
        {group ? t("countInGroup", { count: book.total, group: group.name }) : t("count", { count: book.total })}
        {book.pages > 1 ? <> · {t("pageOf", { page: book.page, pages: book.pages })}</> : null}
      </p>
      {book.entries.length === 0 ? (
        <p className="mt-3 rounded-xl border border-dashed border-stone-300 p-4 text-stone-700">{group ? t("emptyGroup") : t("empty")}</p>
      ) : (
        <PhotoBookFaces
          sections={toPhotoBookSections(book.entries)}
          letters={book.pages > 1 ? book.letters.map(({ letter, page: target }) => [letter, target]) : []}
          page={book.page}
          pageHref={firstPage}
          lettersLabel={t("lettersLabel")}
        />
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
    </div>
  );
}
