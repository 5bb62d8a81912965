import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ShiftCard } from "@/components/shift-card";
import { requireMember } from "@/lib/auth/session";
import { listShiftsOfWeek } from "@/lib/roster/queries";
import { weekRange } from "@/lib/roster/rules";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shifts");
  return { title: t("title") };
}

export default async function ShiftsPage() {
  const actor = await requireMember();
  const t = await getTranslations("shifts");
  const { from, to } = weekRange(new Date(), actor.timeZone);
  const shifts = await listShiftsOfWeek(actor.tenantId, actor.personId, { from, to });
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <h2 className="mt-4 text-lg font-semibold">{t("thisWeek")}</h2>
      {shifts.length === 0 ? (
        <p className="mt-3 rounded-xl border border-dashed border-stone-300 p-4 text-stone-700">{t("noShifts")}</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {shifts.map((shift) => (
            <li key={shift.id}>
              <ShiftCard shift={shift} timeZone={actor.timeZone} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
