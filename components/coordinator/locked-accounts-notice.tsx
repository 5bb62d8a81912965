import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";

/**
 * Points out accounts whose password sign-in is locked after too many wrong passwords, with a link to
 * the people page filtered on them (where a coordinator unlocks). Renders nothing when there are none.
 */
export async function LockedAccountsNotice({ count }: { count: number }) {
  if (count === 0) return null;
  const t = await getTranslations("accounts");
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-orange-300 bg-orange-50 p-4">
      <div>
        <p className="font-medium text-orange-950">{t("lockedAccounts", { count })}</p>
        <p className="text-orange-950">{t("lockedAccountsHint")}</p>
      </div>
      <Link
        href="/dashboard/people?status=locked"
        className="rounded-lg border border-orange-400 bg-white px-4 py-2 font-medium text-orange-950 hover:bg-orange-100"
      >
        {t("lockedAccountsShow")}
      </Link>
    </div>
  );
}
