import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { LocationForm } from "@/components/coordinator/location-form";
import { LocationStatusForms } from "@/components/coordinator/location-status-forms";
import { requireCoordinator } from "@/lib/auth/session";
import { getLocationOverview } from "@/lib/tenancy/locations-queries";
import { locationIdSchema } from "@/lib/tenancy/locations-schemas";

type PageProps = { params: Promise<{ id: string }> };

/** Another organisation's location, a made-up id and a deleted one all end in the same "not found". */
const loadLocation = cache(async (id: string) => {
  const actor = await requireCoordinator();
  const parsed = locationIdSchema.safeParse({ locationId: id });
  const location = parsed.success ? await getLocationOverview(actor.tenantId, parsed.data.locationId, new Date()) : null;
  return { actor, location };
});

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { location } = await loadLocation((await params).id);
  const t = await getTranslations("locations");
  return { title: location?.name ?? t("title") };
}

/** One location or client: its details, archiving, and deleting when nothing uses it. */
export default async function LocationPage({ params }: PageProps) {
  const { actor, location } = await loadLocation((await params).id);
  if (!location) notFound();
  const [t, format] = await Promise.all([getTranslations("locations"), getFormatter()]);
  return (
    <>
      <Link href="/dashboard/locations" className="text-brand-700 underline underline-offset-2">
        ← {t("back")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{location.name}</h1>
      <p className="text-stone-700">{t(location.isClient ? "kind.client" : "kind.location")}</p>
      <section aria-labelledby="location-details" className="mt-6 rounded-xl border border-stone-200 bg-white p-5">
        <h2 id="location-details" className="mb-3 text-lg font-semibold">
          {t("detailsTitle")}
        </h2>
        <LocationForm
          key={`${location.name}-${location.address ?? ""}-${location.isClient}`}
          location={{ id: location.id, name: location.name, address: location.address, isClient: location.isClient }}
        />
      </section>
      <LocationStatusForms
        location={{ id: location.id, name: location.name, usedBy: location.usedBy }}
        archivedSince={location.archivedAt ? format.dateTime(location.archivedAt, "day", { timeZone: actor.timeZone }) : null}
      />
    </>
  );
}
