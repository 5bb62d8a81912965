import { ClientMessages } from "@/components/client-messages";

/** Sends this part's client components their texts (lib/i18n/client-messages.ts). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages area="app/(coordinator)/dashboard/hours/[personId]">{children}</ClientMessages>;
}
