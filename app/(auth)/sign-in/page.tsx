import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/sign-in-form";
import { getActor } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

export default async function SignInPage() {
  if (await getActor()) redirect("/my");
  const t = await getTranslations();
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-5 py-10">
      <p className="text-lg font-bold text-brand-700">{t("app.name")}</p>
      <h1 className="mt-2 text-3xl font-semibold">{t("signIn.title")}</h1>
      <p className="mt-3 text-stone-700">{t("signIn.intro")}</p>
      <SignInForm />
    </main>
  );
}
