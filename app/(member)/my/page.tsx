import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ShiftCard } from "@/components/shift-card";
import { requireMember } from "@/lib/auth/session";
import { listComingShiftsForPerson } from "@/lib/roster/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("myPage");
  return { title: t("title") };
}

export default async function MyPage() {
  const actor = await requireMember();
  const t = await getTranslations("myPage");
  const shifts = await listComingShiftsForPerson(actor.tenantId, actor.personId, new Date());
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-stone-700">{t("greeting", { name: actor.firstName })}</p>
      <section aria-labelledby="coming" className="mt-6">
        <h2 id="coming" className="text-lg font-semibold">
          {t("comingShifts")}
        </h2>
        {shifts.length === 0 ? (
          <p className="mt-3 rounded-xl border border-dashed border-stone-300 p-4 text-stone-700">{t("noComingShifts")}</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {shifts.map((shift) => (
              <li key={shift.id}>
                <ShiftCard shift={shift} timeZone={actor.timeZone} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
