import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { ShiftCard } from "@/components/shift-card";
import { requireMember } from "@/lib/auth/session";
import { listShiftsForPerson, listOpenHandoverRequestsOfPerson } from "@/lib/roster/queries";

// Where the big "Dienst overdragen" button on Mijn pagina leads: the member's coming shifts to choose
// from, each opening that shift's handover form (or the request already sent for it).

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("handoverChoice");
  return { title: t("title") };
}

export default async function HandoverChoicePage() {
  const actor = await requireMember();
  const now = new Date();
  const [t, tShifts, format, shifts, handovers] = await Promise.all([
    getTranslations("handoverChoice"),
    getTranslations("shifts"),
    getFormatter(),
    listShiftsForPerson(actor.tenantId, actor.personId, "coming", now),
    listOpenHandoverRequestsOfPerson(actor.tenantId, actor.personId, now),
  ]);
  const requestByShift = new Map(handovers.map((request) => [request.shiftId, request.id]));
  // A shift that has begun can no longer be handed over.
  const choices = shifts.filter((shift) => shift.startsAt.getTime() > now.getTime());

  return (
    <>
      <Link href="/my" className="-ml-2 inline-flex min-h-11 items-center gap-1 rounded-lg px-2 text-brand-700 underline-offset-2 hover:underline">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
          <path d="M15 18l-6-6 6-6" />
        </svg>
        {t("back")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>

      {choices.length === 0 ? (
        <div className="mt-4 rounded-xl border border-dashed border-stone-300 p-4 text-stone-700">
          <p>{t("none")}</p>
          <Link href="/my/shifts?view=open" className="mt-2 inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2">
            {t("findOpenShifts")}
          </Link>
        </div>
      ) : (
        <>
          <p className="mt-1 text-stone-700">{t("intro")}</p>
          <ul aria-label={t("listLabel")} className="mt-4 space-y-4">
            {choices.map((shift) => {
              const requestId = requestByShift.get(shift.id);
              return (
                <li key={shift.id}>
                  <ShiftCard
                    tools={{ t: tShifts, format }}
                    shift={shift}
                    timeZone={actor.timeZone}
                    href={requestId ? `/my/handover/${requestId}` : `/my/shifts/${shift.id}/handover`}
                  />
                  {requestId ? <p className="mt-1 px-1 text-right text-sm text-stone-600">{t("alreadyAsked")}</p> : null}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}
