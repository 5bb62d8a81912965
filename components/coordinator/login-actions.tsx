"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { AccessTarget } from "@/lib/accounts/blocking/schemas";
import type { ActivationPreview } from "@/lib/accounts/logins/activation";
import { activateLogins, countLoginActivation, createLogins, previewLogins } from "@/lib/accounts/logins/actions";
import type { LoginProposal, LoginRefusal } from "@/lib/accounts/logins/creation";
import type { LoginSkipped, LoginUsernameProblem } from "@/lib/accounts/logins/rules";
import type { ActionResult } from "@/lib/auth/guards";
import { AccessConfirmDialog } from "./access-confirm-dialog";
import { LoginCreateDialog } from "./login-create-dialog";
import { useServerCall } from "./use-server-call";
import { Alert } from "@/components/ui/alert";

type LoginActionsProps = {
  /** Who the buttons are about; null disables them (nothing chosen yet). */
  target: AccessTarget | null;
  showCreate: boolean;
  showActivate: boolean;
  createLabel: string;
  activateLabel: string;
  /** Styling of the buttons, so they sit well in a toolbar or on the member page. */
  buttonClassName: string;
  /** Another control of the page is waiting for the server. */
  disabled?: boolean;
  /** Called after logins were created or activated (e.g. to clear a selection). */
  onDone?: () => void;
};

type Creating = {
  target: AccessTarget;
  proposals: LoginProposal[];
  skipped: LoginSkipped;
  groupName: string | null;
  problems: ReadonlyMap<string, LoginUsernameProblem>;
  error: string | null;
  /** A fresh preview (after a count changed) starts the edit boxes anew. */
  opened: number;
};

type Activating = { target: AccessTarget; preview: Extract<ActivationPreview, { outcome: "preview" }>; error: string | null; warning: string | null };

const skipKeys = {
  "has-login": "hasLogin",
  left: "left",
  "no-email": "noEmail",
  "admin-only": "adminOnly",
  "no-login": "noLogin",
  "already-active": "alreadyActive",
  blocked: "blocked",
} as const;

/**
 * "Create logins" (a preview of usernames to edit, then confirm) and "activate" (count, then confirm)
 * for one person, a selection, a group or everyone, with the outcome and who was skipped and why.
 */
export function LoginActions({ target, showCreate, showActivate, createLabel, activateLabel, buttonClassName, disabled = false, onDone }: LoginActionsProps) {
  const t = useTranslations("logins");
  const router = useRouter();
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const { busy, run } = useServerCall<"create" | "activate" | "dialog">(() => setNotice({ tone: "error", text: t("errors.failed") }));
  const [creating, setCreating] = useState<Creating | null>(null);
  const [activating, setActivating] = useState<Activating | null>(null);

  function skippedText(skipped: LoginSkipped | undefined): string | null {
    const parts = Object.entries(skipped ?? {})
      .filter(([, count]) => (count ?? 0) > 0)
      .map(([reason, count]) => t(`skip.${skipKeys[reason as keyof typeof skipKeys]}`, { count: count ?? 0 }));
    return parts.length > 0 ? t("skip.list", { list: parts.join(", ") }) : null;
  }

  function refusalText(reason: LoginRefusal, skipped?: LoginSkipped): string {
    const extra = skippedText(skipped);
    return extra ? `${t(`errors.${reason}`)} ${extra}` : t(`errors.${reason}`);
  }

  function failureText(result: Extract<ActionResult<unknown>, { ok: false }>): string {
    if (result.error === "notFound" || result.error === "forbidden") return t(`errors.${result.error}`);
    return t("errors.failed");
  }

  function finish(text: string) {
    setNotice({ tone: "success", text });
    onDone?.();
    router.refresh();
  }

  async function openCreate(chosen: AccessTarget, error: string | null = null) {
    setNotice(null);
    const result = await run(error ? "dialog" : "create", () => previewLogins({ target: chosen }));
    if (!result) return;
    if (!result.ok) return setNotice({ tone: "error", text: failureText(result) });
    const value = result.value;
    if (value.outcome === "refused") return setNotice({ tone: "error", text: refusalText(value.reason) });
    setCreating({ target: chosen, proposals: value.proposals, skipped: value.skipped, groupName: value.groupName, problems: new Map(), error, opened: Date.now() });
  }

  async function confirmCreate(logins: { personId: string; username: string }[]) {
    if (!creating) return;
    const result = await run("dialog", () => createLogins({ target: creating.target, logins }));
    if (!result) return;
    if (!result.ok) return setCreating({ ...creating, error: failureText(result) });
    const value = result.value;
    if (value.outcome === "usernameProblems") {
      return setCreating({ ...creating, problems: new Map(value.problems.map((row) => [row.personId, row.problem])), error: null });
    }
    if (value.outcome === "refused") {
      if (value.reason === "countChanged") return openCreate(creating.target, t("errors.countChanged"));
      return setCreating({ ...creating, error: refusalText(value.reason) });
    }
    setCreating(null);
    const skipped = skippedText(value.skipped);
    finish(skipped ? `${t("done.created", { count: value.created })} ${skipped}` : t("done.created", { count: value.created }));
  }

  async function openActivate(chosen: AccessTarget, warning: string | null = null) {
    setNotice(null);
    const result = await run(warning ? "dialog" : "activate", () => countLoginActivation({ target: chosen }));
    if (!result) return;
    if (!result.ok) return setNotice({ tone: "error", text: failureText(result) });
    const value = result.value;
    if (value.outcome === "refused") return setNotice({ tone: "error", text: refusalText(value.reason) });
    if (value.affected === 0) {
      setActivating(null);
      return setNotice({ tone: "error", text: [t("activate.nobody"), skippedText(value.skipped)].filter(Boolean).join(" ") });
    }
    setActivating({ target: chosen, preview: value, error: null, warning });
  }

  async function confirmActivate() {
    if (!activating) return;
    const result = await run("dialog", () => activateLogins({ target: activating.target, expectedCount: activating.preview.affected }));
    if (!result) return;
    if (!result.ok) return setActivating({ ...activating, error: failureText(result) });
    const value = result.value;
    if (value.outcome === "refused") {
      if (value.reason === "countChanged") return openActivate(activating.target, t("errors.countChanged"));
      return setActivating({ ...activating, error: refusalText(value.reason, value.skipped) });
    }
    setActivating(null);
    const skipped = skippedText(value.skipped);
    finish(skipped ? `${t("done.activated", { count: value.activated })} ${skipped}` : t("done.activated", { count: value.activated }));
  }

  const names = activating
    ? activating.preview.affected > activating.preview.names.length
      ? t("activate.more", { names: activating.preview.names.join(", "), count: activating.preview.affected - activating.preview.names.length })
      : activating.preview.names.join(", ")
    : "";

  return (
    <>
      {showCreate ? (
        <button type="button" disabled={disabled || target === null || busy !== null} aria-busy={busy === "create"} onClick={() => target && openCreate(target)} className={buttonClassName}>
          {busy === "create" ? t("bulk.counting") : createLabel}
        </button>
      ) : null}
      {showActivate ? (
        <button type="button" disabled={disabled || target === null || busy !== null} aria-busy={busy === "activate"} onClick={() => target && openActivate(target)} className={buttonClassName}>
          {busy === "activate" ? t("bulk.counting") : activateLabel}
        </button>
      ) : null}
      {notice ? (
        <Alert tone={notice.tone} className="basis-full">
          {notice.text}
        </Alert>
      ) : null}
      {creating ? (
        <LoginCreateDialog
          key={creating.opened}
          proposals={creating.proposals}
          skippedText={skippedText(creating.skipped)}
          groupName={creating.groupName}
          problems={creating.problems}
          error={creating.error}
          pending={busy === "dialog"}
          onConfirm={confirmCreate}
          onCancel={() => setCreating(null)}
        />
      ) : null}
      {activating ? (
        <AccessConfirmDialog
          title={t("activate.title")}
          body={t("activate.body", { count: activating.preview.affected })}
          details={[names ? t("activate.names", { names }) : null, skippedText(activating.preview.skipped)].filter((line): line is string => Boolean(line))}
          warning={activating.warning}
          error={activating.error}
          checkLabel={null}
          confirmLabel={t("activate.confirm", { count: activating.preview.affected })}
          pendingLabel={t("activate.pending")}
          cancelLabel={t("activate.cancel")}
          tone="primary"
          pending={busy === "dialog"}
          onConfirm={confirmActivate}
          onCancel={() => setActivating(null)}
        />
      ) : null}
    </>
  );
}
