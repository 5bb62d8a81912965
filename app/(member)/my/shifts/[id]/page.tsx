import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { cache } from "react";
import { ShiftSignOffButton } from "@/components/member/shift-sign-off-button";
import { ShiftSignUpButton } from "@/components/member/shift-sign-up-button";
import { requireMember } from "@/lib/auth/session";
import { getShiftForMember, type ShiftForMember } from "@/lib/roster/queries";
import { placesLeft, signOffDeadline, weekKeyOf, whyCannotSignOff, whyCannotSignUp, type PlaceFacts } from "@/lib/roster/rules";
import { shiftIdParamSchema } from "@/lib/roster/schemas";

// Email buttons land here. Opening the page (GET) only reads; taking or leaving the shift is a POST.

type PageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The shift as this member sees it; null for a malformed id or a shift that is not of their organisation. */
const loadShift = cache(async (id: string) => {
  const actor = await requireMember();
  const shiftId = shiftIdParamSchema.safeParse(id);
  const shift = shiftId.success ? await getShiftForMember(actor.tenantId, actor.personId, shiftId.data) : null;
  return { actor, shift };
});

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { shift } = await loadShift((await params).id);
  const t = await getTranslations("shifts");
  return { title: shift?.activity ?? t("title") };
}

/** Why signing up is not possible, from the same rule the action applies; null when it is. */
function signUpProblemOf(shift: ShiftForMember, now: Date) {
  return whyCannotSignUp(
    { startsAt: shift.startsAt, endsAt: shift.endsAt, needed: shift.needed, filled: shift.filled, groupId: shift.groupId, cancelledAt: shift.cancelledAt },
    {
      groupIds: shift.inGroup && shift.groupId ? [shift.groupId] : [],
      isOnShift: shift.myPlace !== null,
      otherShifts: shift.overlapping ? [shift.overlapping] : [],
    },
    now,
  );
}

export default async function ShiftPage({ params, searchParams }: PageProps) {
  const { actor, shift } = await loadShift((await params).id);
  if (!shift) notFound();
  const query = await searchParams;
  const done = query.done === "signedUp" || query.done === "signedOff" ? query.done : null;
  const [t, format] = await Promise.all([getTranslations("shifts"), getFormatter()]);
  const timeZone = actor.timeZone;
  const now = new Date();

  const day = format.dateTime(shift.startsAt, "weekdayDay", { timeZone });
  const time = format.dateTimeRange(shift.startsAt, shift.endsAt, "time", { timeZone });
  const left = placesLeft(shift.needed, shift.filled);
  const place = shift.myPlace;
  const names = shift.people.map((person) => (person.id === actor.personId ? `${person.name} (${t("you")})` : person.name));

  return (
    <>
      <Link
        href={`/my/shifts?week=${weekKeyOf(shift.startsAt, timeZone)}`}
        className="-ml-2 inline-flex min-h-11 items-center gap-1 rounded-lg px-2 text-brand-700 underline-offset-2 hover:underline"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
          <path d="M15 18l-6-6 6-6" />
        </svg>
        {t("detail.back")}
      </Link>

      <h1 className="mt-2 text-2xl font-semibold">{shift.activity}</h1>

      {done ? (
        <p role="status" className="mt-4 rounded-lg border border-green-300 bg-green-50 p-3 text-green-950">
          {done === "signedUp" ? t("detail.signedUpDone") : t("detail.signedOffDone")}
        </p>
      ) : null}

      <dl className="mt-4 space-y-3 rounded-xl border border-stone-200 bg-white p-4">
        <div>
          <dt className="text-sm text-stone-600">{t("detail.when")}</dt>
          <dd className="font-medium">
            <span className="block first-letter:uppercase">{day}</span>
            <span className="tabular-nums">{time}</span>
          </dd>
        </div>
        {shift.locationName ? (
          <div>
            <dt className="text-sm text-stone-600">{t("detail.where")}</dt>
            <dd className="font-medium">
              {shift.locationName}
              {shift.locationAddress ? <span className="block font-normal text-stone-700">{shift.locationAddress}</span> : null}
            </dd>
          </div>
        ) : null}
        {shift.groupName ? (
          <div>
            <dt className="text-sm text-stone-600">{t("detail.group")}</dt>
            <dd className="font-medium">{t("groupOnly", { group: shift.groupName })}</dd>
          </div>
        ) : null}
        {shift.coordinatorName ? (
          <div>
            <dt className="text-sm text-stone-600">{t("detail.coordinator")}</dt>
            <dd className="font-medium">{shift.coordinatorName}</dd>
          </div>
        ) : null}
        <div>
          <dt className="text-sm text-stone-600">{t("detail.who")}</dt>
          <dd>
            <span className="font-medium">{t("filled", { filled: shift.filled, needed: shift.needed })}</span>
            {" · "}
            {left === 0 ? t("full") : t("open", { count: left })}
            {names.length > 0 ? (
              <ul className="mt-1 list-disc pl-5 text-stone-800">
                {names.map((name, index) => (
                  <li key={shift.people[index].id}>{name}</li>
                ))}
              </ul>
            ) : (
              <span className="block text-stone-700">{t("nobodyYet")}</span>
            )}
          </dd>
        </div>
        {shift.notes ? (
          <div>
            <dt className="text-sm text-stone-600">{t("detail.notes")}</dt>
            <dd className="whitespace-pre-line">{shift.notes}</dd>
          </div>
        ) : null}
      </dl>

      <div className="mt-5 space-y-3">
        {shift.cancelledAt ? (
          <p className="rounded-lg border border-amber-300 bg-amber-50 p-3 font-medium text-amber-950">{t("detail.cancelled")}</p>
        ) : place ? (
          <MyPlace shift={shift} place={place} timeZone={timeZone} now={now} />
        ) : (
          <SignUpPart shift={shift} timeZone={timeZone} now={now} />
        )}
      </div>
    </>
  );
}

/**
 * The member is on the shift: sign off while the rule allows it (and say until when), else say why not
 * and offer a handover. No sign-off button is shown where the action would refuse it.
 */
async function MyPlace({ shift, place, timeZone, now }: { shift: ShiftForMember; place: PlaceFacts; timeZone: string; now: Date }) {
  const [t, format] = await Promise.all([getTranslations("shifts.detail"), getFormatter()]);
  const problem = whyCannotSignOff(place, shift.startsAt, now, timeZone);
  if (problem === "started") {
    return (
      <>
        <p className="font-medium">{t("youAreOn")}</p>
        <p className="text-stone-700">{t("startedOn")}</p>
      </>
    );
  }
  if (problem === null) {
    const deadline = signOffDeadline(place.signedUpAt, shift.startsAt, timeZone);
    // "until 23:59 today": the last minute of the day reads better than "until 00:00 tomorrow".
    const until = deadline.by === "endOfDay" ? new Date(deadline.until.getTime() - 60_000) : deadline.until;
    const when = format.dateTime(until, "weekdayMoment", { timeZone });
    return (
      <>
        <p className="font-medium">{t("youAreOn")}</p>
        <p className="text-stone-700">{deadline.by === "endOfDay" ? t("signOffUntil", { when }) : t("signOffUntilStart", { when })}</p>
        <ShiftSignOffButton shiftId={shift.id} />
      </>
    );
  }
  return (
    <>
      <p className="font-medium">{t("youAreOn")}</p>
      <p className="text-stone-700">{place.source === "self" ? t("signOffOver") : t(`signOffNotOwn.${place.source}`)}</p>
      <Link
        href={`/my/shifts/${shift.id}/handover`}
        className="flex min-h-12 w-full items-center justify-center rounded-lg bg-brand-600 px-4 py-3 text-lg font-semibold text-white hover:bg-brand-700"
      >
        {t("handOver")}
      </Link>
    </>
  );
}

/** The member is not on the shift: the sign-up button when the rules allow it, else the reason why not. */
async function SignUpPart({ shift, timeZone, now }: { shift: ShiftForMember; timeZone: string; now: Date }) {
  const [t, format] = await Promise.all([getTranslations("shifts"), getFormatter()]);
  const problem = signUpProblemOf(shift, now);
  const refusal = "rounded-lg border border-stone-300 bg-stone-50 p-3 text-stone-800";
  let reason: React.ReactNode;
  if (!problem) {
    reason = <p className="font-medium">{t("detail.placeFree", { count: placesLeft(shift.needed, shift.filled) })}</p>;
  } else if (problem === "overlap" && shift.overlapping) {
    const when = format.dateTimeRange(shift.overlapping.startsAt, shift.overlapping.endsAt, {
      weekday: "short",
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
      timeZone,
    });
    reason = (
      <p className={refusal}>
        {t("detail.why.overlap", { activity: shift.overlapping.activity, when })}{" "}
        <Link href={`/my/shifts/${shift.overlapping.id}`} className="font-medium text-brand-700 underline underline-offset-2">
          {t("detail.otherShift")}
        </Link>
      </p>
    );
  } else {
    reason = (
      <p className={refusal}>
        {problem === "notInGroup"
          ? t("detail.why.notInGroup", { group: shift.groupName ?? "" })
          : problem === "overlap"
            ? t("errors.overlap")
            : t(`detail.why.${problem}`)}
      </p>
    );
  }
  return (
    <ShiftSignUpButton shiftId={shift.id} allowed={problem === null}>
      {reason}
    </ShiftSignUpButton>
  );
}
