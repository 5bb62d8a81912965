import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { requireCoordinator } from "@/lib/auth/session";
import { dayKeyAsDate } from "@/lib/dates";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { getMemberRecord } from "@/lib/people/member-record-queries";
import { searchMergeCandidates } from "@/lib/people/merging/queries";
import { formatPersonName } from "@/lib/people/names";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("merging");
  return { title: t("entry") };
}

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** "Samenvoegen met…": find the other record of this person by name, then compare the two. */
export default async function MergePickPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const actor = await requireCoordinator();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const record = await getMemberRecord(actor.tenantId, id);
  if (!record) notFound();
  const raw = (await searchParams).q;
  const query = (typeof raw === "string" ? raw : "").trim().slice(0, 100);
  const candidates = query ? await searchMergeCandidates(actor.tenantId, id, query) : [];
  const t = await getTranslations("merging");
  const format = await getFormatter();
  const name = formatPersonName(record.values);

  return (
    <>
      <Link href={`/dashboard/people/${id}`} className="text-brand-700 underline underline-offset-2">
        {t("back", { name })}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{t("pick.title", { name })}</h1>
      <p className="mt-2 max-w-prose text-stone-700">{t("pick.intro")}</p>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-3">
        <Field name="q" type="search" label={t("pick.searchLabel")} defaultValue={query || formatPersonName(record.values)} size="compact" className="w-80 max-w-full" />
        <Button variant="save" type="submit">
          {t("pick.submit")}
        </Button>
      </form>
      {query ? (
        candidates.length > 0 ? (
          <section aria-labelledby="merge-candidates" className="mt-6">
            <h2 id="merge-candidates" className="font-semibold">
              {t("pick.results")}
            </h2>
            <ul className="mt-2 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
              {candidates.map((candidate) => (
                <li key={candidate.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
                  <div>
                    <p className="font-medium">{formatPersonName(candidate)}</p>
                    <p className="text-sm text-stone-600">
                      {[
                        candidate.email,
                        candidate.birthDate ? format.dateTime(dayKeyAsDate(candidate.birthDate), "day", { timeZone: "UTC" }) : null,
                        candidate.username ?? t("pick.noLogin"),
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </p>
                  </div>
                  <Link href={`/dashboard/people/${id}/merge/${candidate.id}`} className="rounded-lg border border-stone-300 px-4 py-2 font-medium hover:bg-stone-100">
                    {t("pick.compare")}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ) : (
          <p className="mt-6 text-stone-600">{t("pick.noResults", { query })}</p>
        )
      ) : null}
    </>
  );
}
