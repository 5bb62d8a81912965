import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { MemberRecordForm } from "@/components/coordinator/member-record-form";
import { requireCoordinator } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("memberRecords");
  return { title: t("newTitle") };
}

export default async function NewMemberPage() {
  await requireCoordinator();
  const t = await getTranslations("memberRecords");
  return (
    <>
      <Link href="/dashboard/people" className="text-brand-700 underline underline-offset-2">
        {t("backToPeople")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{t("newTitle")}</h1>
      <p className="mt-1 max-w-3xl text-stone-700">{t("newIntro")}</p>
      <MemberRecordForm values={{}} />
    </>
  );
}
