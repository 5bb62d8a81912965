import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { GroupForm } from "@/components/coordinator/group-form";
import { GroupStatusForms } from "@/components/coordinator/group-status-forms";
import { requireCoordinator } from "@/lib/auth/session";
import { getGroupOverview } from "@/lib/tenancy/groups-queries";
import { groupIdSchema } from "@/lib/tenancy/groups-schemas";

type PageProps = { params: Promise<{ id: string }> };

/** Another organisation's group, a made-up id and a deleted one all end in the same "not found". */
const loadGroup = cache(async (id: string) => {
  const actor = await requireCoordinator();
  const parsed = groupIdSchema.safeParse({ groupId: id });
  const group = parsed.success ? await getGroupOverview(actor.tenantId, parsed.data.groupId, new Date()) : null;
  return { actor, group };
});

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { group } = await loadGroup((await params).id);
  const t = await getTranslations("groups");
  return { title: group?.name ?? t("title") };
}

/** One group: its name and address, its members (in the members table), archiving and deleting. */
export default async function GroupPage({ params }: PageProps) {
  const { actor, group } = await loadGroup((await params).id);
  if (!group) notFound();
  const [t, format] = await Promise.all([getTranslations("groups"), getFormatter()]);
  const section = "rounded-xl border border-stone-200 bg-white p-5";
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
      <GroupStatusForms
        group={{ id: group.id, name: group.name, members: group.members, comingShifts: group.comingShifts }}
        archivedSince={group.archivedAt ? format.dateTime(group.archivedAt, "day", { timeZone: actor.timeZone }) : null}
      />
    </>
  );
}
