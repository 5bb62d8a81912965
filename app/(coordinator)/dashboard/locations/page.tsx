import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { LocationForm } from "@/components/coordinator/location-form";
import { Alert } from "@/components/ui/alert";
import { Table, type TableColumn } from "@/components/ui/table";
import { requireCoordinator } from "@/lib/auth/session";
import { listLocationsOverview, type LocationOverview } from "@/lib/tenancy/locations-queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("locations");
  return { title: t("title") };
}

const link = "text-brand-700 underline underline-offset-2";

/** The organisation's locations and clients with their address and coming shifts; and a new one. */
export default async function LocationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireCoordinator();
  const [t, rows, query] = await Promise.all([getTranslations("locations"), listLocationsOverview(actor.tenantId, new Date()), searchParams]);
  const cell = "px-3 py-3 align-top max-md:p-0";
  const columns: TableColumn<LocationOverview>[] = [
    {
      key: "name",
      header: t("table.name"),
      rowHeader: true,
      cellClassName: `${cell} text-left font-semibold`,
      cell: (location) => (
        <Link href={`/dashboard/locations/${location.id}`} className={link} aria-label={t("table.editLocation", { name: location.name })}>
          {location.name}
        </Link>
      ),
    },
    { key: "address", header: t("table.address"), cellClassName: `${cell} [overflow-wrap:anywhere]`, cell: (location) => location.address ?? t("table.noAddress") },
    { key: "kind", header: t("table.kind"), cellClassName: cell, cell: (location) => t(location.isClient ? "kind.client" : "kind.location") },
    {
      key: "comingShifts",
      header: t("table.comingShifts"),
      cellClassName: cell,
      cell: (location) => (
        <>
          <span className="text-stone-600 md:hidden">{t("table.comingShifts")}: </span>
          {location.comingShifts}
        </>
      ),
    },
    {
      key: "status",
      header: t("table.status"),
      cellClassName: cell,
      cell: (location) =>
        location.archivedAt ? <span className="rounded bg-stone-200 px-1.5 py-0.5 text-sm font-medium text-stone-800">{t("table.archived")}</span> : t("table.active"),
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
        caption={t("table.caption", { count: rows.length })}
        columns={columns}
        rows={rows}
        rowKey={(location) => location.id}
        empty={<p>{t("table.empty")}</p>}
        stackBelow="md"
        rowClassName={(location) => (location.archivedAt ? "text-stone-600" : "")}
      />
      <section aria-labelledby="new-location" className="mt-8 rounded-xl border border-stone-200 bg-white p-5">
        <h2 id="new-location" className="mb-3 text-lg font-semibold">
          {t("newTitle")}
        </h2>
        <LocationForm />
      </section>
    </>
  );
}
