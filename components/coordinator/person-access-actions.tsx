"use client";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { PersonAccessMenuItems } from "./person-access-menu";
import { actionBits } from "./person-access-row";
import { usePrefetchMessages } from "@/components/on-demand-messages";

export type PersonAccessAction = "block" | "unblock" | "unlock" | "resetAuthenticator" | "resendUsername" | "schedule" | "cancelSchedule";

export type PersonAccessActionsProps = {
  name: string;
  /** The actions this row offers; the server refuses the others anyway. */
  available: PersonAccessAction[];
  /** Shown instead of the "send username" button when the login never signed in. */
  usernameUnavailable: boolean;
  busy: boolean;
  onAction: (action: PersonAccessAction) => void;
  /**
   * In a table that styles its menu buttons itself (`button[aria-expanded]`) and places the menu from
   * its cell: the button carries no classes and has no wrapper of its own.
   */
  plain?: boolean;
};


/** A row's "Acties" button and the short menu it opens; Escape or a click elsewhere closes it. */
export function PersonAccessActions({ name, available, usernameUnavailable, busy, onAction, plain = false }: PersonAccessActionsProps) {
  const t = useTranslations("accounts");
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = useId();
  // The words of the dialogs its actions lead to are fetched as the pointer or focus comes near.
  const prefetch = usePrefetchMessages("people.dialogs");

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent) {
        if (event.key !== "Escape") return;
        setOpen(false);
        toggle.current?.focus();
        return;
      }
      const target = event.target as Node;
      if (!toggle.current?.contains(target) && !menu.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  if (available.length === 0 && !usernameUnavailable) {
    return plain ? <small>{t("row.noActions")}</small> : <p className="text-sm text-stone-600">{t("row.noActions")}</p>;
  }
  const actions = actionBits.filter((action) => available.includes(action));

  const controls = (
    <>
      <button
        ref={toggle}
        // Outside any form, a button does nothing of its own: a table's rows leave the type out.
        type={plain ? undefined : "button"}
        aria-expanded={open}
        // Named only while the menu exists: a page of closed menus need not carry an id each.
        aria-controls={open ? menuId : undefined}
        aria-label={t("row.menu", { name })}
        disabled={busy}
        aria-busy={busy || undefined}
        onPointerEnter={prefetch}
        onFocus={prefetch}
        onClick={() => {
          prefetch();
          setOpen((value) => !value);
        }}
        className={plain ? undefined : "rounded-lg border border-stone-300 bg-white px-3 py-2 font-medium whitespace-nowrap hover:bg-stone-100 disabled:opacity-60"}
      >
        {busy ? t("bulk.counting") : `${t("table.actions")} ▾`}
      </button>
      {open ? (
        <ul ref={menu} id={menuId} className="absolute right-0 z-20 mt-1 w-64 rounded-xl border border-stone-200 bg-white p-1 shadow-lg">
          <PersonAccessMenuItems
            actions={actions}
            usernameUnavailable={usernameUnavailable}
            onChoose={(action) => {
              setOpen(false);
              onAction(action);
            }}
          />
        </ul>
      ) : null}
    </>
  );
  return plain ? controls : <div className="relative inline-block text-left">{controls}</div>;
}
