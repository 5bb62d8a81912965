"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

const items = [
  { href: "/dashboard", key: "overview", adminOnly: false },
  { href: "/dashboard/roster", key: "roster", adminOnly: false },
  { href: "/dashboard/people", key: "people", adminOnly: false },
  { href: "/dashboard/hours", key: "hours", adminOnly: false },
  { href: "/dashboard/groups", key: "groups", adminOnly: false },
  { href: "/dashboard/locations", key: "locations", adminOnly: false },
  { href: "/dashboard/mail", key: "mail", adminOnly: false },
  { href: "/dashboard/audit", key: "audit", adminOnly: false },
  { href: "/dashboard/settings", key: "settings", adminOnly: true },
] as const;

/** The coordinator dashboard's sidebar; later sections (roster, people, hours, settings) are added here. */
export function DashboardSidebar({ organisationName, isAdmin }: { organisationName: string; isAdmin: boolean }) {
  const t = useTranslations("dashboardNav");
  const pathname = usePathname();
  return (
    // The links' looks once on the nav rather than on each link.
    <nav
      aria-label={t("label")}
      className="flex h-full flex-col gap-1 p-4 [&>a]:rounded-lg [&>a]:px-3 [&>a]:py-2 [&>a:not([aria-current])]:text-stone-700 [&>a:not([aria-current]):hover]:bg-stone-100"
    >
      <p className="mb-4 truncate text-lg font-bold text-brand-700">{organisationName}</p>
      {items.filter((item) => isAdmin || !item.adminOnly).map((item) => {
        // A section stays marked on its sub-pages (a shift of the roster); the overview only on itself.
        const current = pathname === item.href || (item.href !== "/dashboard" && pathname.startsWith(`${item.href}/`));
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={current ? "page" : undefined}
            className={current ? "bg-brand-50 font-semibold text-brand-800" : undefined}
          >
            {t(item.key)}
          </Link>
        );
      })}
      <Link href="/my" className="mt-auto">
        {t("memberArea")}
      </Link>
    </nav>
  );
}
