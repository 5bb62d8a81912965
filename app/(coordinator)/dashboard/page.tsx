import type { Metadata } from "next";
import { addDays } from "date-fns";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { LeaversNotice } from "@/components/coordinator/leavers-notice";
import { LockedAccountsNotice } from "@/components/coordinator/locked-accounts-notice";
import { countAccountsNeedingAttention } from "@/lib/accounts/blocking/queries";
import { todayIn } from "@/lib/dates";
import { requireCoordinator } from "@/lib/auth/session";
import { getDashboardCounts } from "@/lib/tenancy/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

export default async function DashboardPage() {
  const actor = await requireCoordinator();
  const t = await getTranslations("dashboard");
  const now = new Date();
  const [counts, attention] = await Promise.all([
    getDashboardCounts(actor.tenantId, now, addDays(now, 14)),
    countAccountsNeedingAttention(actor.tenantId, todayIn(actor.timeZone, now)),
  ]);
  const tiles = [
    { label: t("members"), value: counts.members, href: "/dashboard/people" },
    { label: t("groups"), value: counts.groups, href: null },
    { label: t("comingShifts"), value: counts.comingShifts, href: "/dashboard/roster" },
    { label: t("unfilledShifts"), value: counts.unfilledShifts, href: "/dashboard/roster" },
  ];
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {attention.locked > 0 ? (
        <div className="mt-6">
          <LockedAccountsNotice count={attention.locked} />
        </div>
      ) : null}
      {attention.left > 0 ? (
        <div className="mt-6">
          <LeaversNotice count={attention.left} />
        </div>
      ) : null}
      <dl className="mt-6 grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {tiles.map((tile) => (
          <div key={tile.label} className="relative rounded-xl border border-stone-200 bg-white p-5 has-[a:hover]:border-brand-600">
            <dt className="text-sm text-stone-600">
              {tile.href ? (
                // The whole tile is the link's target area; the label stays the link's name.
                <Link href={tile.href} className="after:absolute after:inset-0 after:rounded-xl">
                  {tile.label}
                </Link>
              ) : (
                tile.label
              )}
            </dt>
            <dd className="mt-1 text-3xl font-semibold">{tile.value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
