import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { HandoverForm } from "@/components/member/handover-form";
import { requireMember } from "@/lib/auth/session";
import { getHandoverChoices } from "@/lib/roster/handover";
import { shiftIdParamSchema } from "@/lib/roster/schemas";

// Choosing whom to ask. Opening the page only reads; sending the request is a POST.

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("handover");
  return { title: t("title") };
}

export default async function HandoverRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireMember();
  const shiftId = shiftIdParamSchema.safeParse((await params).id);
  const choices = shiftId.success ? await getHandoverChoices(actor.tenantId, actor.personId, shiftId.data) : null;
  if (!choices) notFound();
  const [t, format] = await Promise.all([getTranslations("handover"), getFormatter()]);
  const { shift } = choices;
  const when = format.dateTimeRange(shift.startsAt, shift.endsAt, {
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: actor.timeZone,
  });
  const notice = "mt-5 rounded-lg border border-stone-300 bg-stone-50 p-3 text-stone-800";

  return (
    <>
      <Link
        href={`/my/shifts/${shift.id}`}
        className="-ml-2 inline-flex min-h-11 items-center gap-1 rounded-lg px-2 text-brand-700 underline-offset-2 hover:underline"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
          <path d="M15 18l-6-6 6-6" />
        </svg>
        {t("back")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
      <div className="mt-3 rounded-xl border border-stone-200 bg-white p-4">
        <p className="text-lg font-semibold">{shift.activity}</p>
        <p className="text-stone-700 first-letter:uppercase">{when}</p>
        {shift.locationName ? <p className="text-stone-700">{shift.locationName}</p> : null}
      </div>

      {choices.problem ? (
        <p className={notice}>{t(`cannot.${choices.problem}`)}</p>
      ) : choices.openRequestId ? (
        <div className={notice}>
          <p>{t("alreadyAsked")}</p>
          <Link href={`/my/handover/${choices.openRequestId}`} className="mt-2 inline-flex min-h-11 items-center font-semibold text-brand-700 underline underline-offset-2">
            {t("viewRequest")}
          </Link>
        </div>
      ) : choices.people.length === 0 ? (
        <p className={notice}>{t("nobodyEligible")}</p>
      ) : (
        <>
          <p className="mt-4 text-stone-700">{t("intro")}</p>
          <HandoverForm shiftId={shift.id} people={choices.people} groups={choices.groups} />
        </>
      )}
    </>
  );
}
