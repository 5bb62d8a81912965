import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { MemberImportSteps } from "./member-import-steps";

type MemberImportHeaderProps = {
  /** The way back from this step. */
  back: { href: string; label: string };
  current: "upload" | "mapping" | "preview";
};

/** The top of each step of a member import: the way back, the title and where the coordinator is. */
export async function MemberImportHeader({ back, current }: MemberImportHeaderProps) {
  const [t, tSteps] = await Promise.all([getTranslations("memberImport"), getTranslations("memberImport.steps")]);
  return (
    <>
      <Link href={back.href} className="text-brand-800 underline underline-offset-2">
        {back.label}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
      <MemberImportSteps current={current} t={tSteps} />
    </>
  );
}
