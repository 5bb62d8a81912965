import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";

/** "Page not found" with a way back to Mijn pagina; used at the root and inside the member shell. */
export async function NotFoundNotice() {
  const t = await getTranslations("errors");
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="mt-2 text-stone-700">{t("notFoundBody")}</p>
      <Link href="/my" className="mt-6 inline-block rounded-lg bg-brand-600 px-4 py-3 font-medium text-white">
        {t("home")}
      </Link>
    </>
  );
}
