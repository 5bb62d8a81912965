"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { markCorrectionRequestHandled } from "@/lib/hours/coordinator-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useHoursCall } from "./use-hours-call";

export type CorrectionRequestView = {
  personId: string;
  weekStart: string;
  name: string;
  /** "Week 47", with when it was sent. */
  when: string;
  message: string;
};

/** The open correction requests, each until a coordinator marks it "afgehandeld". */
export function CorrectionRequestList({ requests, empty }: { requests: CorrectionRequestView[]; empty: string }) {
  const t = useTranslations("hoursDashboard");
  const { busy, notice, call } = useHoursCall<string>();

  function handle(request: CorrectionRequestView) {
    return call(`${request.personId}|${request.weekStart}`, () => markCorrectionRequestHandled({ personId: request.personId, weekStart: request.weekStart }), () => ({
      tone: "success",
      text: t("done.handled"),
    }));
  }

  return (
    <>
      {notice ? (
        <Alert tone={notice.tone} className="mt-3">
          {notice.text}
        </Alert>
      ) : null}
      {requests.length === 0 ? (
        <p className="mt-3 rounded-xl border border-dashed border-stone-300 bg-white p-4 text-stone-700">{empty}</p>
      ) : (
        <ul className="mt-3 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
          {requests.map((request) => {
            const key = `${request.personId}|${request.weekStart}`;
            return (
              <li key={key} className="flex flex-wrap items-start justify-between gap-3 p-4">
                <div className="min-w-0 max-w-2xl">
                  <p className="font-medium">
                    <Link href={`/dashboard/hours/${request.personId}/${request.weekStart}`} className="text-brand-700 underline underline-offset-2">
                      {request.name}
                    </Link>{" "}
                    <span className="font-normal text-stone-700">· {request.when}</span>
                  </p>
                  <p className="mt-1 whitespace-pre-line">{request.message}</p>
                </div>
                <Button variant="secondary" onClick={() => handle(request)} pending={busy === key} pendingLabel={t("corrections.handling")} disabled={busy !== null}>
                  {t("corrections.handle")}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
