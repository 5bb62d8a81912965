"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { changeLocationStatusForm, type LocationFormState } from "@/lib/tenancy/locations-actions";
import { ConfirmSubmitButton } from "@/components/confirm-submit-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type LocationStatusFormsProps = {
  location: { id: string; name: string; usedBy: { shifts: number; series: number } };
  /** The day it was archived, formatted; null while active. */
  archivedSince: string | null;
};

/**
 * Archive or restore a location, and delete one that nothing uses. One that shifts or series use
 * cannot be deleted; the page says how many use it and suggests archiving instead.
 */
export function LocationStatusForms({ location, archivedSince }: LocationStatusFormsProps) {
  const t = useTranslations("locations");
  const [state, action, pending] = useActionState(changeLocationStatusForm, {} satisfies LocationFormState);
  const inUse = location.usedBy.shifts > 0 || location.usedBy.series > 0;
  const section = "rounded-xl border border-stone-200 bg-white p-5";
  return (
    <>
      {state.message ? (
        <Alert tone={state.status === "failed" ? "error" : "success"} className="mt-6">
          {state.message}
        </Alert>
      ) : null}
      <section aria-labelledby="location-archive" className={`${section} mt-6`}>
        <h2 id="location-archive" className="text-lg font-semibold">
          {t("archiveTitle")}
        </h2>
        <p className="mt-2 max-w-2xl text-stone-700">{archivedSince ? t("archivedSince", { date: archivedSince }) : t("archiveText")}</p>
        <form action={action} className="mt-3">
          <input type="hidden" name="locationId" value={location.id} />
          <input type="hidden" name="intent" value={archivedSince ? "unarchive" : "archive"} />
          <Button variant="secondary" type="submit" pending={pending}>
            {archivedSince ? t("unarchive") : t("archive")}
          </Button>
        </form>
      </section>
      <section aria-labelledby="location-delete" className={`${section} mt-6 border-red-200`}>
        <h2 id="location-delete" className="text-lg font-semibold text-red-900">
          {t("deleteTitle")}
        </h2>
        {inUse ? (
          <p className="mt-2 max-w-2xl text-stone-700">{t("inUse", { shifts: location.usedBy.shifts, series: location.usedBy.series })}</p>
        ) : (
          <>
            <p className="mt-2 max-w-2xl text-stone-700">{t("deleteText")}</p>
            <form action={action} className="mt-3">
              <input type="hidden" name="locationId" value={location.id} />
              <input type="hidden" name="intent" value="delete" />
              <ConfirmSubmitButton
                confirmText={t("deleteConfirm", { name: location.name })}
                confirmLabel={t("deleteConfirmLabel")}
                className="rounded-lg border border-red-700 bg-white px-4 py-2.5 font-semibold text-red-800 hover:bg-red-50"
              >
                {t("delete")}
              </ConfirmSubmitButton>
            </form>
          </>
        )}
      </section>
    </>
  );
}
