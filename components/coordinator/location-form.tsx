"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { saveLocationForm, type LocationFormState } from "@/lib/tenancy/locations-actions";
import { ADDRESS_MAX, LOCATION_NAME_MAX } from "@/lib/tenancy/locations-schemas";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

type LocationFormProps = { location?: { id: string; name: string; address: string | null; isClient: boolean } };

/** A location's or client's name, address and kind: empty to add a new one, or the one to edit. */
export function LocationForm({ location }: LocationFormProps) {
  const t = useTranslations("locations");
  const [state, action, pending] = useActionState(saveLocationForm, {} satisfies LocationFormState);
  const error = (field: string) => state.fieldErrors?.[field]?.[0];
  return (
    <form action={action} className="max-w-xl space-y-4">
      {location ? <input type="hidden" name="locationId" value={location.id} /> : null}
      <Field name="name" label={t("name")} defaultValue={location?.name ?? ""} maxLength={LOCATION_NAME_MAX} required size="compact" autoComplete="off" error={error("name")} />
      <Field name="address" label={t("address")} hint={t("addressHint")} defaultValue={location?.address ?? ""} maxLength={ADDRESS_MAX} size="compact" error={error("address")} />
      <label className="flex items-start gap-3">
        <input type="checkbox" name="isClient" defaultChecked={location?.isClient ?? false} className="mt-1 size-5 shrink-0" />
        <span>{t("isClient")}</span>
      </label>
      {state.message ? <Alert tone={state.status === "failed" ? "error" : "success"}>{state.message}</Alert> : null}
      <Button variant="save" type="submit" pending={pending} pendingLabel={location ? t("saving") : t("creating")}>
        {location ? t("save") : t("create")}
      </Button>
    </form>
  );
}
