import { ClientMessages } from "@/components/client-messages";
import { SignOutButton } from "@/components/sign-out-button";
import { getTranslations } from "@/lib/i18n/server";
import { requireProviderAdmin } from "@/lib/auth/session";

/** The provider admin's area: their provider's organisations. No organisation's data is shown here. */
export default async function ProviderLayout({ children }: { children: React.ReactNode }) {
  const admin = await requireProviderAdmin({ allowPasswordChangeOwed: true });
  const t = await getTranslations("app");
  return (
    <ClientMessages area="app/(provider)/provider">
      <div className="flex min-h-dvh flex-col">
        <header className="flex items-center justify-between border-b border-stone-200 bg-white px-6 py-3">
          <p className="font-medium">
            <span className="font-bold text-brand-700">{t("name")}</span> · {admin.providerName}
          </p>
          <div className="flex items-center gap-3">
            <p className="text-stone-700">{admin.displayName}</p>
            <SignOutButton />
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-6 py-6">
          {children}
        </main>
      </div>
    </ClientMessages>
  );
}
