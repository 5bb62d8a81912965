"use client";
import { useTranslations } from "next-intl";
import { LoginActions } from "./login-actions";

type LoginMemberActionsProps = {
  personId: string;
  /** The member's login status, or null without a login. */
  status: "pending" | "active" | "blocked" | null;
  hasEmail: boolean;
};

/** The member page's login section: "create login" for a member without one, "activate" for a pending one. */
export function LoginMemberActions({ personId, status, hasEmail }: LoginMemberActionsProps) {
  const t = useTranslations("logins");
  if (status !== null && status !== "pending") return null;
  if (status === null && !hasEmail) return <p className="mt-3 text-sm text-stone-600">{t("member.noEmail")}</p>;
  return (
    <div className="mt-3 flex flex-wrap items-center gap-3">
      {status === "pending" ? <p className="basis-full text-sm text-stone-700">{t("member.pendingHint")}</p> : null}
      <LoginActions
        target={{ kind: "person", personId }}
        showCreate={status === null}
        showActivate={status === "pending"}
        createLabel={t("member.create")}
        activateLabel={t("member.activate")}
        buttonClassName="rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      />
    </div>
  );
}
