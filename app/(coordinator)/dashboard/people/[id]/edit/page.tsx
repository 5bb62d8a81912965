import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getTranslations } from "@/lib/i18n/server";
import { MemberRecordForm } from "@/components/coordinator/member-record-form";
import { requireCoordinator } from "@/lib/auth/session";
import { getMemberRecord } from "@/lib/people/member-record-queries";
import { formatPersonName } from "@/lib/people/names";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("memberRecords");
  return { title: t("edit") };
}

export default async function EditMemberPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireCoordinator();
  const { id } = await params;
  // A malformed id, a missing one and another organisation's look the same.
  const record = z.uuid().safeParse(id).success ? await getMemberRecord(actor.tenantId, id) : null;
  if (!record) notFound();
  const t = await getTranslations("memberRecords");
  const name = formatPersonName(record.values);
  return (
    <>
      <Link href={`/dashboard/people/${id}`} className="text-brand-700 underline underline-offset-2">
        {t("backToMember", { name })}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{t("editTitle", { name })}</h1>
      <p className="mt-1 max-w-3xl text-stone-700">{t("editIntro")}</p>
      <MemberRecordForm personId={id} values={record.values} />
    </>
  );
}
