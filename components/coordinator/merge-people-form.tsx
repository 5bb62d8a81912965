"use client";
import { useId, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { mergePeople } from "@/lib/people/merging/actions";
import type { OverlapChoice } from "@/lib/people/merging/rules";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

/** One of the two records as the form needs it: who, and what would move with them. */
export type MergeFormRecord = { id: string; name: string; username: string | null; shifts: number; groups: number };

/** An overlap of two coming shifts, with `first` on the page's record and `second` on the other one. */
export type MergeFormOverlap = { key: string; sameShift: boolean; first: { shiftId: string; label: string }; second: { shiftId: string; label: string } };

type Side = "first" | "second";

/**
 * The comparison page's choices (which record stays, which login, which shift per overlap) and the
 * confirmation that says what will happen before anything does. On success it opens the kept record.
 */
export function MergePeopleForm({ first, second, overlaps }: { first: MergeFormRecord; second: MergeFormRecord; overlaps: MergeFormOverlap[] }) {
  const t = useTranslations("merging");
  const router = useRouter();
  const [kept, setKept] = useState<Side>("first");
  const [login, setLogin] = useState<Side | null>(null);
  const [choices, setChoices] = useState<Record<string, Side>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const name = useId();

  const records = { first, second };
  const keptRecord = records[kept];
  const mergedRecord = records[kept === "first" ? "second" : "first"];
  const bothLogins = first.username !== null && second.username !== null;
  const decisions = overlaps.filter((overlap) => !overlap.sameShift);
  const undecided = decisions.some((overlap) => !choices[overlap.key]);
  const blockedUsername = bothLogins && login ? records[login === "first" ? "second" : "first"].username : null;
  const dropped = new Set(decisions.flatMap((overlap) => (choices[overlap.key] ? [overlap[choices[overlap.key] === "first" ? "second" : "first"].shiftId] : [])));

  function open() {
    if (undecided) return setError(t("form.chooseEveryOverlap"));
    if (bothLogins && !login) return setError(t("form.chooseLogin"));
    setError(null);
    dialog.current?.showModal();
  }

  function submit() {
    const keepSide = kept;
    const overlapChoices: OverlapChoice[] = decisions.map((overlap) => {
      const keepShift = overlap[keepSide].shiftId;
      const mergeShift = overlap[keepSide === "first" ? "second" : "first"].shiftId;
      return { keepShiftId: keepShift, mergeShiftId: mergeShift, winner: choices[overlap.key] === keepSide ? "keep" : "merge" };
    });
    startTransition(async () => {
      const result = await mergePeople({
        keepPersonId: keptRecord.id,
        mergePersonId: mergedRecord.id,
        survivingLogin: bothLogins && login ? (login === keepSide ? "keep" : "merge") : undefined,
        overlapChoices,
      });
      dialog.current?.close();
      if (!result.ok) return setError(t(`errors.${result.error}`));
      if (result.value.outcome === "refused") return setError(t(`errors.${result.value.reason}`));
      router.push(`/dashboard/people/${result.value.keptId}`);
    });
  }

  return (
    <div className="space-y-6">
      <fieldset>
        <legend className="font-semibold">{t("form.keepLegend")}</legend>
        <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
          {(["first", "second"] as const).map((side) => (
            <label key={side} className="flex items-center gap-2">
              <input type="radio" name={`${name}-keep`} checked={kept === side} onChange={() => setKept(side)} />
              {t("form.keepOption", { name: records[side].name })}
            </label>
          ))}
        </div>
      </fieldset>

      {bothLogins ? (
        <fieldset>
          <legend className="font-semibold">{t("form.loginLegend")}</legend>
          <p className="text-sm text-stone-600">{t("form.loginHint")}</p>
          <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
            {(["first", "second"] as const).map((side) => (
              <label key={side} className="flex items-center gap-2">
                <input type="radio" name={`${name}-login`} checked={login === side} onChange={() => setLogin(side)} />
                {records[side].username}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}

      {overlaps.length > 0 ? (
        <section aria-labelledby={`${name}-overlaps`}>
          <h2 id={`${name}-overlaps`} className="font-semibold">
            {t("form.overlapsTitle")}
          </h2>
          <p className="text-sm text-stone-600">{t("form.overlapsIntro")}</p>
          <ul className="mt-2 space-y-3">
            {overlaps.map((overlap) =>
              overlap.sameShift ? (
                <li key={overlap.key}>{t("form.sameShift", { shift: overlap.first.label })}</li>
              ) : (
                <li key={overlap.key}>
                  <fieldset>
                    <legend>{t("form.overlapLegend", { first: overlap.first.label, second: overlap.second.label })}</legend>
                    <div className="mt-1 flex flex-wrap gap-x-6 gap-y-1">
                      {(["first", "second"] as const).map((side) => (
                        <label key={side} className="flex items-center gap-2">
                          <input
                            type="radio"
                            name={`${name}-${overlap.key}`}
                            checked={choices[overlap.key] === side}
                            onChange={() => setChoices((current) => ({ ...current, [overlap.key]: side }))}
                          />
                          {t("form.keepShift", { shift: `${overlap[side].label} (${records[side].name})` })}
                        </label>
                      ))}
                    </div>
                  </fieldset>
                </li>
              ),
            )}
          </ul>
        </section>
      ) : null}

      {error ? <Alert tone="error">{error}</Alert> : null}

      <Button variant="save" onClick={open} disabled={pending}>
        {t("form.submit")}
      </Button>

      <Dialog labelledBy={titleId} ref={dialog} width="medium" onCancel={() => (pending ? undefined : dialog.current?.close())}>
        <div className="p-5 sm:p-6">
          <h3 id={titleId} className="text-xl font-semibold">
            {t("form.confirmTitle")}
          </h3>
          <p className="mt-3">
            {t("form.confirmBody", {
              merged: mergedRecord.name,
              shifts: mergedRecord.shifts,
              groups: mergedRecord.groups,
              login: mergedRecord.username ? t("form.confirmLogin", { username: mergedRecord.username }) : t("form.confirmNoLogin"),
              kept: keptRecord.name,
            })}
          </p>
          {blockedUsername ? <p className="mt-2">{t("form.confirmBlocked", { username: blockedUsername })}</p> : null}
          {dropped.size > 0 ? <p className="mt-2">{t("form.confirmDropped", { count: dropped.size })}</p> : null}
          <p className="mt-2 text-sm text-stone-600">{t("form.confirmFinal")}</p>
          <div className="mt-5 flex flex-wrap justify-end gap-3">
            <Button variant="secondary" onClick={() => dialog.current?.close()} disabled={pending}>
              {t("form.cancel")}
            </Button>
            <Button variant="danger" onClick={submit} pending={pending} pendingLabel={t("form.pending")}>
              {t("form.confirm")}
            </Button>
          </div>
        </div>
      </Dialog>
    </div>
  );
}
