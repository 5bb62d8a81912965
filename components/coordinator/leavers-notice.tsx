import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";

/**
 * Points out members who have left (end date passed) but can still sign in: leaving does not block
 * a login by itself (PRODUCT.md §2). Renders nothing when there are none.
 */
export async function LeaversNotice({ count }: { count: number }) {
  if (count === 0) return null;
  const t = await getTranslations("accounts");
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-orange-300 bg-orange-50 p-4">
      <div>
        <p className="font-medium text-orange-950">{t("leavers", { count })}</p>
        <p className="text-orange-950">{t("leaversHint")}</p>
      </div>
      <Link
        href="/dashboard/people?status=left"
        className="rounded-lg border border-orange-400 bg-white px-4 py-2 font-medium text-orange-950 hover:bg-orange-100"
      >
        {t("leaversShow")}
      </Link>
    </div>
  );
}
