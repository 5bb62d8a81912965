import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";

const tabs = [
  { key: "search", href: "/my/people" },
  { key: "photoBook", href: "/my/people/photos" },
] as const;

/** The sub-navigation of Personen: search and the photo book. */
export async function PeopleTabs({ current }: { current: (typeof tabs)[number]["key"] }) {
  const t = await getTranslations("people.tabs");
  return (
    <nav aria-label={t("label")} className="mt-3">
      <ul className="grid grid-cols-2 rounded-xl bg-stone-200/70 p-1">
        {tabs.map((tab) => {
          const active = tab.key === current;
          return (
            <li key={tab.key}>
              <Link
                href={tab.href}
                aria-current={active ? "page" : undefined}
                className={`flex min-h-11 items-center justify-center rounded-lg px-3 text-base ${
                  active ? "bg-white font-semibold text-brand-800 shadow-sm" : "text-stone-700 hover:text-stone-900"
                }`}
              >
                {t(tab.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
