"use server";
// The coordinator's write surface for locations and clients: create, change, archive and unarchive,
// and delete one that nothing uses. Coordinators run the roster (PRODUCT.md §1), so these are theirs.
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { coordinatorAction } from "@/lib/auth/guards";
import { changeArchivedForm, recordFormFailure, type RecordFormState } from "@/lib/tenancy/archivable-records";
import * as useCases from "@/lib/tenancy/locations";
import { createLocationSchema, locationIdSchema, updateLocationSchema } from "@/lib/tenancy/locations-schemas";

/** Location names show on the locations pages, the shift editor and the roster. */
function revalidateLocations() {
  revalidatePath("/dashboard", "layout");
}

export const createLocation = coordinatorAction("createLocation", createLocationSchema, async (actor, input) => {
  const result = await useCases.createLocation(actor.tenantId, actor.userId, input);
  revalidateLocations();
  return result;
});

export const updateLocation = coordinatorAction("updateLocation", updateLocationSchema, async (actor, input) => {
  const result = await useCases.updateLocation(actor.tenantId, actor.userId, input);
  if (result.changed) revalidateLocations();
  return result;
});

export const archiveLocation = coordinatorAction("archiveLocation", locationIdSchema, async (actor, input) => {
  const result = await useCases.setLocationArchived(actor.tenantId, actor.userId, input.locationId, true);
  revalidateLocations();
  return result;
});

export const unarchiveLocation = coordinatorAction("unarchiveLocation", locationIdSchema, async (actor, input) => {
  const result = await useCases.setLocationArchived(actor.tenantId, actor.userId, input.locationId, false);
  revalidateLocations();
  return result;
});

export const deleteLocation = coordinatorAction("deleteLocation", locationIdSchema, async (actor, input) => {
  const result = await useCases.deleteLocation(actor.tenantId, actor.userId, input.locationId);
  if (result.outcome === "deleted") revalidateLocations();
  return result;
});

export type LocationFormState = RecordFormState;

const fieldErrorKeys = ["name", "address"] as const;

/** The create form (no locationId) and the edit form (with locationId) of a location. */
export async function saveLocationForm(_previous: LocationFormState, formData: FormData): Promise<LocationFormState> {
  const t = await getTranslations("locations");
  if (formData.has("locationId")) {
    const result = await updateLocation(formData);
    if (!result.ok) return recordFormFailure("locations", fieldErrorKeys, result);
    return result.value.changed ? { status: "saved", message: t("saved") } : { status: "unchanged", message: t("unchanged") };
  }
  const result = await createLocation(formData);
  if (!result.ok) return recordFormFailure("locations", fieldErrorKeys, result);
  return { status: "saved", message: t("created", { name: String(formData.get("name") ?? "").trim() }) };
}

/** Archive, unarchive or delete, as the location page's buttons post them (`intent`). */
export async function changeLocationStatusForm(_previous: LocationFormState, formData: FormData): Promise<LocationFormState> {
  const intent = formData.get("intent");
  const t = await getTranslations("locations");
  if (intent === "delete") {
    const result = await deleteLocation(formData);
    if (!result.ok) return recordFormFailure("locations", fieldErrorKeys, result);
    if (result.value.outcome === "inUse") return { status: "failed", message: t("inUse", { shifts: result.value.shifts, series: result.value.series }) };
    redirect("/dashboard/locations?deleted=1");
  }
  return changeArchivedForm("locations", intent, { archive: () => archiveLocation(formData), unarchive: () => unarchiveLocation(formData) }, fieldErrorKeys);
}
