import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <main className="mx-auto max-w-md p-6">
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="mt-2 text-stone-700">{t("notFoundBody")}</p>
      <Link href="/my" className="mt-6 inline-block rounded-lg bg-brand-600 px-4 py-3 font-medium text-white">
        {t("home")}
      </Link>
    </main>
  );
}
