import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { LocationForm } from "@/components/coordinator/location-form";
import { RecordStatusForms } from "@/components/coordinator/record-status-forms";
import { changeLocationStatusForm } from "@/lib/tenancy/locations-actions";
import { getLocationOverview } from "@/lib/tenancy/locations-queries";
import { locationIdSchema } from "@/lib/tenancy/locations-schemas";
import { createRecordPage, type RecordPageProps } from "@/lib/tenancy/record-pages";

const page = createRecordPage("locations", (id) => locationIdSchema.safeParse({ locationId: id }).data?.locationId, getLocationOverview);

export const generateMetadata = page.generateMetadata;

/** One location or client: its details, archiving, and deleting when nothing uses it. */
export default async function LocationPage({ params }: RecordPageProps) {
  const { actor, record: location } = await page.load((await params).id);
  if (!location) notFound();
  const [t, format] = await Promise.all([getTranslations("locations"), getFormatter()]);
  const archivedSince = location.archivedAt ? format.dateTime(location.archivedAt, "day", { timeZone: actor.timeZone }) : null;
  // One that shifts or series use cannot be deleted; the page says how many use it and suggests archiving instead.
  const inUse = location.usedBy.shifts > 0 || location.usedBy.series > 0;
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
      <RecordStatusForms
        record={{ field: "locationId", id: location.id }}
        kind="location"
        archived={archivedSince !== null}
        action={changeLocationStatusForm}
        texts={await page.statusTexts(
          archivedSince,
          inUse ? { text: t("inUse", { shifts: location.usedBy.shifts, series: location.usedBy.series }), confirm: null } : { text: t("deleteText"), confirm: t("deleteConfirm", { name: location.name }) },
        )}
      />
    </>
  );
}
