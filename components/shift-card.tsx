import Link from "next/link";
import type { getFormatter, getTranslations } from "next-intl/server";
import type { ShiftListItem } from "@/lib/roster/queries";
import { placesLeft } from "@/lib/roster/rules";

/**
 * The "shifts" texts and the formatter, fetched once by the page: a list of hundreds of cards then
 * does not look them up once per card.
 */
export type ShiftCardTools = {
  t: Awaited<ReturnType<typeof getTranslations<"shifts">>>;
  format: Awaited<ReturnType<typeof getFormatter>>;
};

type ShiftCardProps = {
  tools: ShiftCardTools;
  shift: ShiftListItem;
  timeZone: string;
  /** The shift's page; the whole card becomes one big tap target. */
  href?: string;
  /** Leave the day out where a day heading above already says it. */
  showDay?: boolean;
  /** Mark the reader's own shifts; off where the list is someone else's. */
  markMine?: boolean;
  /** When given, a shift that has ended says so instead of how many places are left. */
  now?: Date;
};

/** One shift: when, what, where, how full and who is on it, with times in the organisation's zone. */
export function ShiftCard({ tools, shift, timeZone, href, showDay = true, markMine = false, now }: ShiftCardProps) {
  const { t, format } = tools;
  const left = placesLeft(shift.needed, shift.filled);
  const mine = markMine && shift.isMine;
  const over = now !== undefined && shift.endsAt.getTime() <= now.getTime();
  const day = format.dateTime(shift.startsAt, "weekdayDayMonth", { timeZone });
  const from = format.dateTime(shift.startsAt, "time", { timeZone });
  const to = format.dateTime(shift.endsAt, "time", { timeZone });
  const names = shift.people.map((person) => person.name);
  const body = (
    <>
      <div className="flex items-start justify-between gap-3">
        <p className="text-stone-700">
          {showDay ? <span className="block first-letter:uppercase">{day}</span> : null}
          <span className="font-semibold tabular-nums text-stone-900">
            {from}–{to}
          </span>
        </p>
        <span
          className={`shrink-0 rounded-full px-2.5 py-1 text-sm font-medium ${
            over || left === 0 ? "bg-stone-100 text-stone-700" : "bg-brand-50 text-brand-800"
          }`}
        >
          {over ? t("over") : left === 0 ? t("full") : t("open", { count: left })}
        </span>
      </div>
      <h3 className="mt-1 text-lg font-semibold">{shift.activity}</h3>
      {shift.locationName ? <p className="text-stone-700">{shift.locationName}</p> : null}
      {shift.groupName ? <p className="text-sm text-stone-600">{t("groupOnly", { group: shift.groupName })}</p> : null}
      <p className="mt-2 text-sm text-stone-600">
        {t("filled", { filled: shift.filled, needed: shift.needed })}
        {" · "}
        {names.length > 0 ? t("onIt", { names: format.list(names, { type: "conjunction" }) }) : t("nobodyYet")}
      </p>
      {mine ? (
        <p className="mt-2 inline-flex items-center gap-1 rounded-full bg-brand-700 px-2.5 py-1 text-sm font-semibold text-white">
          <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
            <path d="M16.7 5.3a1 1 0 010 1.4l-8 8a1 1 0 01-1.4 0l-4-4a1 1 0 111.4-1.4L8 12.6l7.3-7.3a1 1 0 011.4 0z" />
          </svg>
          {t("mine")}
        </p>
      ) : null}
    </>
  );
  const frame = `block rounded-xl border p-4 shadow-sm ${over ? "bg-stone-50" : "bg-white"} ${mine ? "border-brand-700 border-l-4" : "border-stone-200"}`;
  return href ? (
    <Link href={href} className={`${frame} hover:border-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600`}>
      <article>{body}</article>
    </Link>
  ) : (
    <article className={frame}>{body}</article>
  );
}
