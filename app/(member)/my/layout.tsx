import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { ClientMessages } from "@/components/client-messages";
import { MemberBottomNav } from "@/components/member/member-bottom-nav";
import { SignOutButton } from "@/components/sign-out-button";
import { requireSignedIn } from "@/lib/auth/session";

export default async function MemberLayout({ children }: { children: React.ReactNode }) {
  // Not requireMember(): the password page below must render while a new password is owed; every
  // page calls requireMember() itself, which sends such a member there.
  const actor = await requireSignedIn();
  const t = await getTranslations("app");
  const tAccount = await getTranslations("account");
  return (
    <ClientMessages area="app/(member)/my">
      <div className="min-h-dvh pb-20">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          {t("skipToContent")}
        </a>
        <header className="sticky top-0 z-10 border-b border-stone-200 bg-white/95 backdrop-blur">
          <div className="mx-auto flex max-w-xl items-center justify-between px-4 py-2">
            <p className="truncate font-semibold text-brand-700">{actor.organisationName}</p>
            <div className="flex shrink-0 items-center gap-1">
              <Link href="/my/account" className="rounded-md px-3 py-2 text-sm text-stone-700 underline-offset-2 hover:underline">
                {tAccount("navLink")}
              </Link>
              <SignOutButton />
            </div>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-xl px-4 py-5">
          {children}
        </main>
        <MemberBottomNav />
      </div>
    </ClientMessages>
  );
}
