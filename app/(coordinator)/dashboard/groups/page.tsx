import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { GroupForm } from "@/components/coordinator/group-form";
import { Alert } from "@/components/ui/alert";
import { Table, type TableColumn } from "@/components/ui/table";
import { requireCoordinator } from "@/lib/auth/session";
import { listGroupsOverview, type GroupOverview } from "@/lib/tenancy/groups-queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("groups");
  return { title: t("title") };
}

const link = "text-brand-700 underline underline-offset-2";

/** The organisation's groups with their address, members and restricted coming shifts; and a new one. */
export default async function GroupsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireCoordinator();
  const [t, groups, query] = await Promise.all([getTranslations("groups"), listGroupsOverview(actor.tenantId, new Date()), searchParams]);
  const cell = "px-3 py-3 align-top max-md:p-0";
  const columns: TableColumn<GroupOverview>[] = [
    {
      key: "name",
      header: t("table.name"),
      rowHeader: true,
      cellClassName: `${cell} text-left font-semibold`,
      cell: (group) => (
        <Link href={`/dashboard/groups/${group.id}`} className={link} aria-label={t("table.editGroup", { name: group.name })}>
          {group.name}
        </Link>
      ),
    },
    {
      key: "email",
      header: t("table.email"),
      cellClassName: `${cell} [overflow-wrap:anywhere]`,
      cell: (group) => group.email ?? <span className="text-stone-600">{t("table.noEmail")}</span>,
    },
    {
      key: "members",
      header: t("table.members"),
      cellClassName: cell,
      cell: (group) => (
        <Link href={`/dashboard/people?group=${group.id}`} className={link}>
          {t("table.membersLink", { count: group.members })}
        </Link>
      ),
    },
    {
      key: "comingShifts",
      header: t("table.comingShifts"),
      cellClassName: cell,
      cell: (group) => (
        <>
          <span className="text-stone-600 md:hidden">{t("table.comingShifts")}: </span>
          {group.comingShifts}
        </>
      ),
    },
    {
      key: "status",
      header: t("table.status"),
      cellClassName: cell,
      cell: (group) =>
        group.archivedAt ? <span className="rounded bg-stone-200 px-1.5 py-0.5 text-sm font-medium text-stone-800">{t("table.archived")}</span> : t("table.active"),
    },
  ];
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 max-w-3xl text-stone-700">{t("intro")}</p>
      {query.deleted === "1" ? (
        <Alert tone="success" className="mt-4">
          {t("deleted")}
        </Alert>
      ) : null}
      <Table
        className="mt-6"
        caption={t("table.caption", { count: groups.length })}
        columns={columns}
        rows={groups}
        rowKey={(group) => group.id}
        empty={<p>{t("table.empty")}</p>}
        stackBelow="md"
        rowClassName={(group) => (group.archivedAt ? "text-stone-600" : "")}
      />
      <section aria-labelledby="new-group" className="mt-8 rounded-xl border border-stone-200 bg-white p-5">
        <h2 id="new-group" className="mb-3 text-lg font-semibold">
          {t("newTitle")}
        </h2>
        <GroupForm />
      </section>
    </>
  );
}
