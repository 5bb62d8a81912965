import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { GroupForm } from "@/components/coordinator/group-form";
import { RecordListPage } from "@/components/coordinator/record-list-page";
import { requireCoordinator } from "@/lib/auth/session";
import { listGroupsOverview } from "@/lib/tenancy/groups-queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("groups");
  return { title: t("title") };
}

/** The organisation's groups with their address, members and restricted coming shifts; and a new one. */
export default async function GroupsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireCoordinator();
  const [t, groups, query] = await Promise.all([getTranslations("groups"), listGroupsOverview(actor.tenantId, new Date()), searchParams]);
  return (
    <RecordListPage
      kind="group"
      rows={groups}
      editLabel={(group) => t("table.editGroup", { name: group.name })}
      columns={[
        { key: "email", header: t("table.email"), cellClassName: "[overflow-wrap:anywhere]", cell: (group) => group.email ?? <span className="text-stone-600">{t("table.noEmail")}</span> },
        {
          key: "members",
          header: t("table.members"),
          cell: (group) => (
            <Link href={`/dashboard/people?group=${group.id}`} className="text-brand-700 underline underline-offset-2">
              {t("table.membersLink", { count: group.members })}
            </Link>
          ),
        },
      ]}
      deleted={query.deleted === "1"}
      newForm={<GroupForm />}
    />
  );
}
