import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { LocationForm } from "@/components/coordinator/location-form";
import { RecordListPage } from "@/components/coordinator/record-list-page";
import { requireCoordinator } from "@/lib/auth/session";
import { listLocationsOverview } from "@/lib/tenancy/locations-queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("locations");
  return { title: t("title") };
}

/** The organisation's locations and clients with their address and coming shifts; and a new one. */
export default async function LocationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireCoordinator();
  const [t, rows, query] = await Promise.all([getTranslations("locations"), listLocationsOverview(actor.tenantId, new Date()), searchParams]);
  return (
    <RecordListPage
      kind="location"
      rows={rows}
      editLabel={(location) => t("table.editLocation", { name: location.name })}
      columns={[
        { key: "address", header: t("table.address"), cellClassName: "[overflow-wrap:anywhere]", cell: (location) => location.address ?? t("table.noAddress") },
        { key: "kind", header: t("table.kind"), cell: (location) => t(location.isClient ? "kind.client" : "kind.location") },
      ]}
      deleted={query.deleted === "1"}
      newForm={<LocationForm />}
    />
  );
}
