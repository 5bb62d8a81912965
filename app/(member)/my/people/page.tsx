import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireMember } from "@/lib/auth/session";
import { formatPersonName, listPeople } from "@/lib/people/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("people");
  return { title: t("title") };
}

export default async function PeoplePage() {
  const actor = await requireMember();
  const t = await getTranslations("people");
  const everyone = await listPeople(actor.tenantId);
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-stone-700">{t("count", { count: everyone.length })}</p>
      {everyone.length === 0 ? (
        <p className="mt-3 rounded-xl border border-dashed border-stone-300 p-4 text-stone-700">{t("empty")}</p>
      ) : (
        <ul className="mt-4 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
          {everyone.map((person) => (
            <li key={person.id} className="px-4 py-3">
              {formatPersonName(person)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
