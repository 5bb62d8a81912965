import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/locales";

const views = ["all", "open"] as const;

/** "Alle diensten" and "Open diensten" as two tabs; switching keeps the week that is shown. */
export async function ShiftTabs({ current, weekKey, locale }: { current: (typeof views)[number]; weekKey: string; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "shifts.tabs" });
  return (
    <nav aria-label={t("label")} className="mt-3">
      <ul className="grid grid-cols-2 rounded-xl bg-stone-200/70 p-1">
        {views.map((view) => {
          const active = view === current;
          const query = view === "open" ? `?view=open&week=${weekKey}` : `?week=${weekKey}`;
          return (
            <li key={view}>
              <Link
                href={`/my/shifts${query}`}
                aria-current={active ? "page" : undefined}
                className={`flex min-h-11 items-center justify-center rounded-lg px-3 text-base ${
                  active ? "bg-white font-semibold text-brand-800 shadow-sm" : "text-stone-700 hover:text-stone-900"
                }`}
              >
                {t(view)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
