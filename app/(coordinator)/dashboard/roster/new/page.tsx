import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { ShiftEditorForm } from "@/components/coordinator/shift-editor-form";
import { requireCoordinator } from "@/lib/auth/session";
import { listShiftFormOptions } from "@/lib/roster/queries";
import { todayIn } from "@/lib/dates";
import { resolveWeek } from "@/lib/roster/rules";
import { parseRosterPageParams } from "@/lib/roster/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shiftEditor");
  return { title: t("newTitle") };
}

export default async function NewShiftPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireCoordinator();
  const params = parseRosterPageParams(await searchParams);
  const now = new Date();
  const week = resolveWeek(params, now, actor.timeZone);
  const [t, tRoster, options] = await Promise.all([getTranslations("shiftEditor"), getTranslations("roster"), listShiftFormOptions(actor.tenantId)]);
  // The week the coordinator was looking at: today when it is this week, else its Monday.
  const today = todayIn(actor.timeZone, now);
  const date = week.days.includes(today) ? today : week.days[0];
  return (
    <>
      <Link href={`/dashboard/roster?week=${week.key}`} className="text-brand-700 underline underline-offset-2">
        ← {tRoster("back")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{t("newTitle")}</h1>
      <div className="mt-5">
        <ShiftEditorForm
          options={options}
          initial={{ activity: "", locationId: "", date, startTime: "09:00", endTime: "12:00", endsNextDay: false, needed: "2", groupId: "", coordinatorId: "", notes: "" }}
        />
      </div>
    </>
  );
}
