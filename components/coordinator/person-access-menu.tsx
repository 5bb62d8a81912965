"use client";
// The items of a members table row's "Acties" menu: shown the moment it opens, so their words come with the page.
import { useTranslations } from "next-intl";
import type { PersonAccessAction } from "./person-access-actions";

type PersonAccessMenuItemsProps = {
  /** In the menu's order. */
  actions: PersonAccessAction[];
  usernameUnavailable: boolean;
  onChoose: (action: PersonAccessAction) => void;
};

export function PersonAccessMenuItems({ actions, usernameUnavailable, onChoose }: PersonAccessMenuItemsProps) {
  const t = useTranslations("accounts");
  return (
    <>
      {actions.map((action) => (
        <li key={action}>
          <button
            type="button"
            onClick={() => onChoose(action)}
            className={`block w-full rounded-lg px-3 py-2 text-left hover:bg-stone-100 ${action === "block" ? "text-red-800" : ""}`}
          >
            {t(`row.${action}`)}
          </button>
        </li>
      ))}
      {usernameUnavailable ? <li className="px-3 py-2 text-sm text-stone-600">{t("row.resendUsernameUnavailable")}</li> : null}
    </>
  );
}
