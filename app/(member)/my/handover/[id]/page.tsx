import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { cache } from "react";
import { AcceptHandoverButton, WithdrawHandoverButton } from "@/components/member/handover-answer";
import { requireMember } from "@/lib/auth/session";
import { getHandoverForViewer, type HandoverView } from "@/lib/roster/handover";
import { handoverIdParamSchema } from "@/lib/roster/handover-schemas";

// Every handover email button lands here, for the requester and for each colleague asked. Opening
// the page (GET, as mail scanners do) only reads; taking the shift over is the button, a POST.

type PageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const loadRequest = cache(async (id: string) => {
  const actor = await requireMember();
  const requestId = handoverIdParamSchema.safeParse(id);
  const request = requestId.success ? await getHandoverForViewer(actor.tenantId, actor.personId, requestId.data) : null;
  return { actor, request };
});

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { request } = await loadRequest((await params).id);
  const t = await getTranslations("handover");
  return { title: request?.viewer === "recipient" ? t("request.title") : t("mine.title") };
}

const box = "rounded-lg border p-3";
const good = `${box} border-green-300 bg-green-50 text-green-950`;
const quiet = `${box} border-stone-300 bg-stone-50 text-stone-800`;

export default async function HandoverPage({ params, searchParams }: PageProps) {
  const { actor, request } = await loadRequest((await params).id);
  if (!request) notFound();
  const done = (await searchParams).done;
  const [t, format] = await Promise.all([getTranslations("handover"), getFormatter()]);
  const { shift } = request;
  const when = format.dateTimeRange(shift.startsAt, shift.endsAt, {
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: actor.timeZone,
  });

  return (
    <>
      <h1 className="text-2xl font-semibold">{request.viewer === "recipient" ? t("request.title") : t("mine.title")}</h1>
      {request.viewer === "recipient" ? <p className="mt-1 text-stone-700">{t("request.asks", { name: request.requesterName })}</p> : null}

      <dl className="mt-4 space-y-3 rounded-xl border border-stone-200 bg-white p-4">
        <div>
          <dt className="sr-only">{t("request.when")}</dt>
          <dd>
            <span className="block text-lg font-semibold">{shift.activity}</span>
            <span className="block text-stone-700 first-letter:uppercase">{when}</span>
          </dd>
        </div>
        {shift.locationName ? (
          <div>
            <dt className="text-sm text-stone-600">{t("request.where")}</dt>
            <dd className="font-medium">
              {shift.locationName}
              {shift.locationAddress ? <span className="block font-normal text-stone-700">{shift.locationAddress}</span> : null}
            </dd>
          </div>
        ) : null}
        {shift.notes ? (
          <div>
            <dt className="text-sm text-stone-600">{t("request.notes")}</dt>
            <dd className="whitespace-pre-line">{shift.notes}</dd>
          </div>
        ) : null}
        {request.message ? (
          <div>
            <dt className="text-sm text-stone-600">
              {request.viewer === "recipient" ? t("request.messageFrom", { name: request.requesterName }) : t("mine.yourMessage")}
            </dt>
            <dd className="whitespace-pre-line">{request.message}</dd>
          </div>
        ) : null}
        {request.viewer === "requester" ? (
          <div>
            <dt className="text-sm text-stone-600">{t("mine.askedTo")}</dt>
            <dd>{format.list(request.recipientNames, { type: "conjunction" })}</dd>
          </div>
        ) : null}
      </dl>

      <div className="mt-5 space-y-3">{request.viewer === "recipient" ? <RecipientPart request={request} done={done} /> : <RequesterPart request={request} done={done} />}</div>
    </>
  );
}

async function RecipientPart({ request, done }: { request: HandoverView; done: unknown }) {
  const t = await getTranslations("handover.request");
  switch (request.state) {
    case "open":
      return <AcceptHandoverButton requestId={request.id} />;
    case "accepted":
      return request.acceptedByViewer ? (
        <>
          <p role="status" className={good}>
            {done === "accepted" ? t("accepted") : t("acceptedEarlier")}
          </p>
          <MyPageLink />
        </>
      ) : (
        <>
          <p role="status" className={quiet}>
            {t("takenByOther")}
          </p>
          <Link href="/my/shifts?view=open" className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline underline-offset-2">
            {t("openShifts")}
          </Link>
        </>
      );
    case "withdrawn":
      return <p className={quiet}>{t("withdrawn", { name: request.requesterName })}</p>;
    case "expired":
      return <p className={quiet}>{t("expired")}</p>;
    case "shiftCancelled":
      return <p className={quiet}>{t("shiftCancelled")}</p>;
  }
}

async function RequesterPart({ request, done }: { request: HandoverView; done: unknown }) {
  const t = await getTranslations("handover.mine");
  switch (request.state) {
    case "open":
      return (
        <>
          <p role="status" className={done === "requested" ? good : quiet}>
            {done === "requested" ? t("requested") : t("open")}
          </p>
          <WithdrawHandoverButton requestId={request.id} />
        </>
      );
    case "accepted":
      return (
        <>
          <p role="status" className={good}>
            {t("accepted", { name: request.acceptedByName ?? "" })}
          </p>
          <MyPageLink />
        </>
      );
    case "withdrawn":
      return (
        <>
          <p role="status" className={quiet}>
            {t("withdrawn")}
          </p>
          <Link
            href={`/my/shifts/${request.shift.id}/handover`}
            className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline underline-offset-2"
          >
            {t("askAgain")}
          </Link>
        </>
      );
    case "expired":
      return <p className={quiet}>{t("expired")}</p>;
    case "shiftCancelled":
      return <p className={quiet}>{t("shiftCancelled")}</p>;
  }
}

async function MyPageLink() {
  const t = await getTranslations("handover");
  return (
    <Link href="/my" className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline underline-offset-2">
      {t("backToMyPage")}
    </Link>
  );
}
