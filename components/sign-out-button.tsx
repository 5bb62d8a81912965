import { getTranslations } from "@/lib/i18n/server";
import { signOutMember } from "@/lib/accounts/sign-in/actions";

export async function SignOutButton({ className }: { className?: string }) {
  const t = await getTranslations("app");
  return (
    <form action={signOutMember}>
      <button type="submit" className={className ?? "rounded-md px-3 py-2 text-sm text-stone-700 underline-offset-2 hover:underline"}>
        {t("signOut")}
      </button>
    </form>
  );
}
