"use client";
import { useActionState, useId } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { createOrganisationForm, type CreateOrganisationFormState } from "@/lib/tenancy/provider-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

/**
 * A new organisation of the admin's provider with its first admin. The admin's username and
 * temporary password are shown once, after creating; only the password's hash is stored.
 */
export function CreateOrganisationForm() {
  const t = useTranslations("provider");
  const format = useFormatter();
  const [state, action, pending] = useActionState(createOrganisationForm, {} satisfies CreateOrganisationFormState);
  const headingId = useId();
  const error = (field: string) => state.fieldErrors?.[field]?.[0];
  const created = state.created;
  return (
    <section aria-labelledby={headingId} className="mt-10 max-w-2xl">
      <h2 id={headingId} className="text-xl font-semibold">
        {t("createTitle")}
      </h2>
      {created ? (
        <div role="status" className="mt-4 rounded-xl border border-green-300 bg-green-50 p-4 text-green-950">
          <p className="font-semibold">{t("createdTitle", { name: created.name })}</p>
          <p className="mt-2">{t("createdIntro", { date: format.dateTime(new Date(created.expiresAt), "day") })}</p>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt>{t("username")}</dt>
            <dd className="font-mono" data-testid="created-username">
              {created.username}
            </dd>
            <dt>{t("temporaryPassword")}</dt>
            <dd className="font-mono" data-testid="created-password">
              {created.temporaryPassword}
            </dd>
          </dl>
        </div>
      ) : null}
      <p className="mt-2 text-stone-700">{t("createIntro")}</p>
      <form action={action} className="mt-4 space-y-4 rounded-xl border border-stone-200 bg-white p-4" key={created?.username ?? "new"}>
        {state.message ? <Alert tone="error">{state.message}</Alert> : null}
        <Field name="name" label={t("fields.name")} required maxLength={120} size="compact" error={error("name")} />
        <Field name="slug" label={t("fields.slug")} hint={t("fields.slugHint")} required maxLength={48} size="compact" error={error("slug")} />
        <Field name="adminName" label={t("fields.adminName")} hint={t("fields.adminNameHint")} maxLength={200} size="compact" error={error("adminName")} />
        <Field name="adminUsername" label={t("fields.adminUsername")} required maxLength={100} autoComplete="off" size="compact" error={error("adminUsername")} />
        <Field name="adminEmail" type="email" label={t("fields.adminEmail")} required maxLength={254} autoComplete="off" size="compact" error={error("adminEmail")} />
        <input type="hidden" name="timeZone" value="Europe/Amsterdam" />
        <Button variant="save" type="submit" pending={pending} pendingLabel={t("creating")}>
          {t("create")}
        </Button>
      </form>
    </section>
  );
}
