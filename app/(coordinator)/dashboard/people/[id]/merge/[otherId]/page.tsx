import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { MergePeopleForm, type MergeFormRecord } from "@/components/coordinator/merge-people-form";
import { Table } from "@/components/ui/table";
import { requireCoordinator } from "@/lib/auth/session";
import { dayKeyAsDate } from "@/lib/dates";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { getMergeComparison, type ComparedRecord, type ComparedShift } from "@/lib/people/merging/queries";
import { memberRecordFields } from "@/lib/people/member-record-schemas";
import { formatPersonName } from "@/lib/people/names";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("merging.compare");
  return { title: t("title") };
}

type Params = Promise<{ id: string; otherId: string }>;
type Row = { key: string; label: string; first: string; second: string };

/** Both records side by side (fields, groups, coming shifts, login) and the choices of the merge. */
export default async function MergeComparePage({ params }: { params: Params }) {
  const actor = await requireCoordinator();
  const { id, otherId } = await params;
  if (!z.uuid().safeParse(id).success || !z.uuid().safeParse(otherId).success) notFound();
  const comparison = await getMergeComparison(actor.tenantId, id, otherId);
  if (!comparison) notFound();
  const { first, second, overlaps } = comparison;

  const t = await getTranslations("merging");
  const tRecords = await getTranslations("memberRecords");
  const tRoles = await getTranslations("roles");
  const format = await getFormatter();
  const calendarDay = (dayKey: string) => format.dateTime(dayKeyAsDate(dayKey), "day", { timeZone: "UTC" });
  const shiftLabel = (shift: ComparedShift) =>
    t("compare.shift", {
      activity: shift.location ? `${shift.activity} (${shift.location})` : shift.activity,
      when: tRecords("page.shiftWhen", {
        day: format.dateTime(shift.startsAt, "day", { timeZone: actor.timeZone }),
        from: format.dateTime(shift.startsAt, "time", { timeZone: actor.timeZone }),
        to: format.dateTime(shift.endsAt, "time", { timeZone: actor.timeZone }),
      }),
    });
  const none = t("compare.none");
  const fieldValue = (record: ComparedRecord, field: (typeof memberRecordFields)[number]) => {
    const value = record[field];
    if (!value) return none;
    return field === "birthDate" || field === "startDate" || field === "endDate" ? calendarDay(value) : value;
  };
  const login = (record: ComparedRecord) =>
    record.login
      ? t("compare.loginSummary", { username: record.login.username, status: t(`compare.status_${record.login.status}`), count: record.login.loginCount })
      : none;
  const both = (label: string, key: string, of: (record: ComparedRecord) => string): Row => ({ key, label, first: of(first), second: of(second) });

  const rows: Row[] = [
    ...memberRecordFields.map((field) => both(tRecords(`fields.${field}`), field, (record) => fieldValue(record, field))),
    both(t("compare.role"), "role", (record) => tRoles(`names.${record.role}`)),
    both(t("compare.photo"), "photo", (record) => (record.hasPhoto ? t("compare.yes") : t("compare.no"))),
    both(t("compare.groups"), "groups", (record) => record.groups.join(", ") || none),
    both(t("compare.comingShifts"), "coming", (record) => record.comingShifts.map(shiftLabel).join("; ") || none),
    both(t("compare.pastShifts"), "past", (record) => format.number(record.pastShiftCount)),
    both(t("compare.hours"), "hours", (record) => format.number(record.workedHoursCount)),
    both(t("compare.login"), "login", login),
  ];
  const formRecord = (record: ComparedRecord): MergeFormRecord => ({
    id: record.id,
    name: formatPersonName(record),
    username: record.login?.username ?? null,
    shifts: record.comingShifts.length + record.pastShiftCount,
    groups: record.groups.length,
  });

  return (
    <>
      <Link href={`/dashboard/people/${id}/merge`} className="text-brand-700 underline underline-offset-2">
        {t("back", { name: formatPersonName(first) })}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{t("compare.title")}</h1>
      <p className="mt-2 max-w-prose text-stone-700">{t("compare.intro")}</p>
      <Table
        className="mt-6"
        caption={t("compare.title")}
        rowKey={(row) => row.key}
        rows={rows}
        empty={null}
        columns={[
          { key: "label", header: t("compare.field"), cell: (row) => row.label, rowHeader: true },
          { key: "first", header: formatPersonName(first), cell: (row) => row.first },
          { key: "second", header: formatPersonName(second), cell: (row) => row.second },
        ]}
      />
      <div className="mt-8">
        <MergePeopleForm
          first={formRecord(first)}
          second={formRecord(second)}
          overlaps={overlaps.map((overlap) => ({
            key: overlap.key,
            sameShift: overlap.sameShift,
            first: { shiftId: overlap.shifts.keep.shiftId, label: shiftLabel(overlap.shifts.keep) },
            second: { shiftId: overlap.shifts.merge.shiftId, label: shiftLabel(overlap.shifts.merge) },
          }))}
        />
      </div>
    </>
  );
}
