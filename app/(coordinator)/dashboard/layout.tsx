import { ClientMessages } from "@/components/client-messages";
import { DashboardSidebar } from "@/components/coordinator/dashboard-sidebar";
import { ProviderVisitBanner } from "@/components/coordinator/provider-visit-banner";
import { SignOutButton } from "@/components/sign-out-button";
import { canAdminister } from "@/lib/auth/permissions";
import { requireCoordinator } from "@/lib/auth/session";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireCoordinator();
  return (
    <ClientMessages area="app/(coordinator)/dashboard">
      <div className="flex min-h-dvh">
        <aside className="hidden w-64 shrink-0 border-r border-stone-200 bg-white md:block">
          <DashboardSidebar organisationName={actor.organisationName} isAdmin={canAdminister(actor.role)} />
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          {actor.providerVisit ? <ProviderVisitBanner organisationName={actor.organisationName} /> : null}
          <header className="flex items-center justify-between border-b border-stone-200 bg-white px-6 py-3">
            <p className="font-medium">{actor.displayName}</p>
            <SignOutButton />
          </header>
          <main id="main" className="flex-1 px-6 py-6">
            {children}
          </main>
        </div>
      </div>
    </ClientMessages>
  );
}
