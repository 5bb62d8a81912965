import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";

const problems = ["expired", "invalid", "busy", "failed"] as const;
type Problem = (typeof problems)[number];

function toProblem(value: string | string[] | undefined): Problem {
  return problems.find((problem) => problem === value) ?? "invalid";
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signInLink");
  return { title: t("title") };
}

/** Where a sign-in link that cannot sign in lands: why, and the two ways forward. */
export default async function SignInLinkProblemPage({ searchParams }: { searchParams: Promise<{ problem?: string | string[] }> }) {
  const problem = toProblem((await searchParams).problem);
  const t = await getTranslations();
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-5 py-10">
      <p className="text-lg font-bold text-brand-700">{t("app.name")}</p>
      <h1 className="mt-2 text-3xl font-semibold">{t(`signInLink.${problem}Title`)}</h1>
      <p className="mt-3 text-stone-700">{t(`signInLink.${problem}Body`)}</p>
      <div className="mt-8 space-y-3">
        <Link
          href="/sign-in"
          className="block w-full rounded-lg bg-brand-600 px-4 py-3 text-center text-lg font-semibold text-white hover:bg-brand-700"
        >
          {t("signInLink.toSignIn")}
        </Link>
        <Link
          href="/sign-in/request"
          className="block w-full rounded-lg border border-stone-300 bg-white px-4 py-3 text-center text-lg font-semibold text-stone-900 hover:bg-stone-50"
        >
          {t("signInLink.toRequest")}
        </Link>
      </div>
    </main>
  );
}
