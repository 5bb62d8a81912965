"use client";
import { useEffect, useRef, type ReactNode, type RefObject } from "react";

const widths = {
  small: "w-[min(30rem,calc(100vw-2rem))]",
  medium: "w-[min(32rem,calc(100vw-2rem))]",
  large: "w-[min(36rem,calc(100vw-2rem))]",
} as const;

type DialogProps = {
  /** The id of the heading or question that names the dialog. */
  labelledBy: string;
  children: ReactNode;
  width?: keyof typeof widths;
  /**
   * Opened as a modal as soon as it is shown and closed when it goes away, for dialogs that exist only
   * while open. Leave it off to open it yourself with `ref.current.showModal()`.
   */
  openOnMount?: boolean;
  /** Escape asks this instead of closing the dialog itself, so the owner decides (e.g. not while pending). */
  onCancel?: () => void;
  /** A tap on the backdrop closes it, as Escape does. */
  closeOnBackdrop?: boolean;
  ref?: RefObject<HTMLDialogElement | null>;
  className?: string;
};

/**
 * The app's modal dialog: the native <dialog> with showModal(), so focus moves in, stays in, and
 * goes back to what opened it, and Escape works as people expect.
 */
export function Dialog({ labelledBy, children, width = "small", openOnMount = false, onCancel, closeOnBackdrop = false, ref, className }: DialogProps) {
  const own = useRef<HTMLDialogElement>(null);
  const dialog = ref ?? own;

  useEffect(() => {
    if (!openOnMount) return;
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, [openOnMount, dialog]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={labelledBy}
      onCancel={
        onCancel
          ? (event) => {
              event.preventDefault();
              onCancel();
            }
          : undefined
      }
      onClick={
        closeOnBackdrop
          ? (event) => {
              // The backdrop is the dialog element itself, outside its content.
              if (event.target === event.currentTarget) event.currentTarget.close();
            }
          : undefined
      }
      className={`m-auto ${widths[width]} rounded-2xl border border-stone-200 bg-white p-0 text-stone-900 shadow-xl backdrop:bg-stone-900/50${className ? ` ${className}` : ""}`}
    >
      {children}
    </dialog>
  );
}
