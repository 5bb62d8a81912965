import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { GroupForm } from "@/components/coordinator/group-form";
import { RecordStatusForms } from "@/components/coordinator/record-status-forms";
import { changeGroupStatusForm } from "@/lib/tenancy/groups-actions";
import { getGroupOverview } from "@/lib/tenancy/groups-queries";
import { groupIdSchema } from "@/lib/tenancy/groups-schemas";
import { createRecordPage, type RecordPageProps } from "@/lib/tenancy/record-pages";

const page = createRecordPage("groups", (id) => groupIdSchema.safeParse({ groupId: id }).data?.groupId, getGroupOverview);

export const generateMetadata = page.generateMetadata;

/** One group: its name and address, its members (in the members table), archiving and deleting. */
export default async function GroupPage({ params }: RecordPageProps) {
  const { actor, record: group } = await page.load((await params).id);
  if (!group) notFound();
  const [t, format] = await Promise.all([getTranslations("groups"), getFormatter()]);
  const section = "rounded-xl border border-stone-200 bg-white p-5";
  const archivedSince = group.archivedAt ? format.dateTime(group.archivedAt, "day", { timeZone: actor.timeZone }) : null;
  // Deleting opens the coming shifts only for this group up to everyone; members lose nothing but the membership.
  const deleteText = t("deleteText", { shifts: group.comingShifts, members: group.members });
  return (
    <>
      <Link href="/dashboard/groups" className="text-brand-700 underline underline-offset-2">
        ← {t("back")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{group.name}</h1>
      <section aria-labelledby="group-details" className={`${section} mt-6`}>
        <h2 id="group-details" className="mb-3 text-lg font-semibold">
          {t("detailsTitle")}
        </h2>
        <GroupForm key={`${group.name}-${group.email ?? ""}`} group={{ id: group.id, name: group.name, email: group.email }} />
      </section>
      <section aria-labelledby="group-members" className={`${section} mt-6`}>
        <h2 id="group-members" className="text-lg font-semibold">
          {t("membersTitle")}
        </h2>
        <p className="mt-2 max-w-2xl text-stone-700">{t("membersText", { count: group.members })}</p>
        <Link href={`/dashboard/people?group=${group.id}`} className="mt-2 inline-block text-brand-700 underline underline-offset-2">
          {t("membersLink")}
        </Link>
      </section>
      <RecordStatusForms
        record={{ field: "groupId", id: group.id }}
        kind="group"
        archived={archivedSince !== null}
        action={changeGroupStatusForm}
        texts={await page.statusTexts(archivedSince, { text: deleteText, confirm: t("deleteConfirm", { name: group.name, details: deleteText }) })}
      />
    </>
  );
}
