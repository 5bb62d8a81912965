import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { cache } from "react";
import { ShiftEditorForm } from "@/components/coordinator/shift-editor-form";
import { ShiftAssignPeople, ShiftCancelForm, ShiftPeopleOnShift } from "@/components/coordinator/shift-people-manager";
import { requireCoordinator } from "@/lib/auth/session";
import { getShiftForPlanning, listEligiblePeople, listShiftFormOptions } from "@/lib/roster/queries";
import { localDateKey } from "@/lib/dates";
import { localTimeKey, placesLeft, planningStateOf, weekKeyOf } from "@/lib/roster/rules";
import { shiftIdParamSchema } from "@/lib/roster/schemas";

type PageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const loadShift = cache(async (id: string) => {
  const actor = await requireCoordinator();
  const shiftId = shiftIdParamSchema.safeParse(id);
  const shift = shiftId.success ? await getShiftForPlanning(actor.tenantId, shiftId.data) : null;
  return { actor, shift };
});

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { shift } = await loadShift((await params).id);
  const t = await getTranslations("roster");
  return { title: shift?.activity ?? t("title") };
}

/** One shift for the coordinator: its people (take off, put on), its details to edit, and cancelling it. */
export default async function PlanShiftPage({ params, searchParams }: PageProps) {
  const { actor, shift } = await loadShift((await params).id);
  if (!shift) notFound();
  const query = await searchParams;
  const now = new Date();
  const state = planningStateOf({ ...shift, filled: shift.people.length }, now);
  const editable = state === "unfilled" || state === "full";
  const [t, format, options, eligible] = await Promise.all([
    getTranslations("roster"),
    getFormatter(),
    listShiftFormOptions(actor.tenantId, { locationId: shift.locationId, groupId: shift.groupId }),
    editable && state === "unfilled" ? listEligiblePeople(actor.tenantId, shift.id) : Promise.resolve([]),
  ]);
  const tz = actor.timeZone;
  const saved = query.saved === "created" || query.saved === "edited" ? query.saved : null;
  const count = Number(query.count) > 0 ? Number(query.count) : 1;
  const section = "rounded-xl border border-stone-200 bg-white p-5";

  return (
    <>
      <Link href={`/dashboard/roster?week=${weekKeyOf(shift.startsAt, tz)}`} className="text-brand-700 underline underline-offset-2">
        ← {t("back")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{shift.activity}</h1>
      <p className="text-stone-700 first-letter:uppercase">
        {format.dateTimeRange(shift.startsAt, shift.endsAt, "shiftSpan", { timeZone: tz })}
        {shift.locationName ? ` · ${shift.locationName}` : ""}
      </p>
      {saved ? (
        <p role="status" className="mt-4 rounded-lg border border-green-300 bg-green-50 p-3 text-green-950">
          {saved === "created" ? t("created", { count }) : t("saved", { count })}
        </p>
      ) : null}
      {state === "cancelled" ? <p className="mt-4 rounded-lg border border-red-300 bg-red-50 p-3 font-medium text-red-900">{t("cancelledNotice")}</p> : null}
      {state === "past" ? <p className="mt-4 rounded-lg border border-stone-300 bg-stone-50 p-3 text-stone-800">{t("pastNotice")}</p> : null}

      <div className="mt-6 grid gap-6 xl:grid-cols-2">
        <section aria-labelledby="on-shift" className={section}>
          <h2 id="on-shift" className="text-lg font-semibold">
            {t("peopleTitle", { filled: shift.people.length, needed: shift.needed })}
          </h2>
          <div className="mt-3">
            <ShiftPeopleOnShift
              shiftId={shift.id}
              people={shift.people.map((person) => ({ id: person.id, name: person.name, source: person.source }))}
              editable={editable}
            />
          </div>
        </section>

        {editable ? (
          <section aria-labelledby="assign" className={section}>
            <h2 id="assign" className="text-lg font-semibold">
              {t("assignTitle")}
            </h2>
            <ShiftAssignPeople
              shiftId={shift.id}
              eligible={eligible}
              full={state === "full"}
              hint={`${t("assignHint")} ${t("placesLeft", { count: placesLeft(shift.needed, shift.people.length) })}`}
            />
          </section>
        ) : null}
      </div>

      {editable ? (
        <>
          <section aria-labelledby="details" className={`${section} mt-6`}>
            <h2 id="details" className="text-lg font-semibold">
              {t("details")}
            </h2>
            <div className="mt-3">
              <ShiftEditorForm
                options={options}
                initial={{
                  activity: shift.activity,
                  locationId: shift.locationId ?? "",
                  date: localDateKey(shift.startsAt, tz),
                  startTime: localTimeKey(shift.startsAt, tz),
                  endTime: localTimeKey(shift.endsAt, tz),
                  endsNextDay: localDateKey(shift.endsAt, tz) !== localDateKey(shift.startsAt, tz),
                  needed: String(shift.needed),
                  groupId: shift.groupId ?? "",
                  coordinatorId: shift.coordinatorId ?? "",
                  notes: shift.notes ?? "",
                }}
                edit={{ shiftId: shift.id, seriesFollowing: shift.seriesId ? shift.followingCount : null }}
              />
            </div>
          </section>
          <section aria-labelledby="cancel" className={`${section} mt-6 border-red-200`}>
            <h2 id="cancel" className="text-lg font-semibold text-red-900">
              {t("cancelTitle")}
            </h2>
            <div className="mt-3">
              <ShiftCancelForm shiftId={shift.id} inSeries={Boolean(shift.seriesId) && shift.followingCount > 1} />
            </div>
          </section>
        </>
      ) : null}
    </>
  );
}
