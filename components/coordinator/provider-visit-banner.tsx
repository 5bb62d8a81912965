import { getTranslations } from "@/lib/i18n/server";
import { leaveDashboardForm } from "@/lib/tenancy/provider-actions";

/** Above every dashboard page while a provider admin visits the organisation, with the way back. */
export async function ProviderVisitBanner({ organisationName }: { organisationName: string }) {
  const t = await getTranslations("providerBanner");
  return (
    <div role="status" className="flex flex-wrap items-center justify-between gap-3 border-b border-amber-300 bg-amber-50 px-6 py-3 text-amber-950">
      <p>{t("visiting", { organisation: organisationName })}</p>
      <form action={leaveDashboardForm}>
        <button type="submit" className="rounded-lg border border-amber-400 bg-white px-4 py-2 font-medium hover:bg-amber-100">
          {t("back")}
        </button>
      </form>
    </div>
  );
}
