import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { CreateOrganisationForm } from "@/components/provider/create-organisation-form";
import { ProviderOrganisationTable } from "@/components/provider/provider-organisation-table";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { requireProviderAdmin } from "@/lib/auth/session";
import { listProviderOrganisations } from "@/lib/tenancy/provider-queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("provider");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ProviderPage({ searchParams }: { searchParams: SearchParams }) {
  const admin = await requireProviderAdmin();
  const t = await getTranslations("provider");
  const tEmails = await getTranslations("emailTexts");
  const format = await getFormatter();
  const query = await searchParams;
  const organisations = await listProviderOrganisations(admin.providerId);
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 max-w-2xl text-stone-700">{t("intro", { provider: admin.providerName })}</p>
      <p className="mt-2">
        <Link href="/provider/emails" className="text-brand-700 underline underline-offset-2">
          {tEmails("title")}
        </Link>
      </p>
      {query.visit === "notFound" ? (
        <Alert tone="error" role="alert" className="mt-4">
          {t("errors.notFound")}
        </Alert>
      ) : null}
      <ProviderOrganisationTable
        caption={t("caption", { provider: admin.providerName })}
        empty={t("empty", { provider: admin.providerName })}
        headings={{ name: t("name"), slug: t("slug"), people: t("people"), created: t("created"), open: t("open") }}
        rows={organisations.map((organisation) => ({
          id: organisation.id,
          name: organisation.name,
          slug: organisation.slug,
          people: format.number(organisation.people),
          created: format.dateTime(organisation.createdAt, "day"),
          openLabel: t("openLabel", { name: organisation.name }),
        }))}
      />
      <CreateOrganisationForm />
    </>
  );
}
