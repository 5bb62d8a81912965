import Link from "next/link";
import type { getFormatter, getTranslations } from "next-intl/server";
import type { ShiftCardItem, ShiftPerson } from "@/lib/roster/queries";
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
  /** Who is on it is only needed with `showPeople`. */
  shift: ShiftCardItem & { people?: ShiftPerson[] };
  timeZone: string;
  /** The shift's page; the whole card becomes one big tap target. */
  href?: string;
  /** Leave the day out where a day heading above already says it. */
  showDay?: boolean;
  /** The shift has ended: it says so instead of how many places are left. */
  ended?: boolean;
  /** Name who is on the shift; off on long lists, where the shift's own page names them. */
  showPeople?: boolean;
};

/** One shift: when, what, where, how full and who is on it, with times in the organisation's zone. */
export function ShiftCard({ tools, shift, timeZone, href, showDay = true, ended = false, showPeople = true }: ShiftCardProps) {
  const { t, format } = tools;
  const left = placesLeft(shift.needed, shift.filled);
  const day = format.dateTime(shift.startsAt, "weekdayDayMonth", { timeZone });
  const from = format.dateTime(shift.startsAt, "time", { timeZone });
  const to = format.dateTime(shift.endsAt, "time", { timeZone });
  const names = (shift.people ?? []).map((person) => person.name);
  // Few elements and short class lists on purpose: a roster page repeats them per card, in the
  // HTML and again in the page's inline payload.
  const body = (
    <>
      <div className="flex items-start justify-between gap-3">
        <p className="font-semibold tabular-nums">
          {showDay ? <span className="block font-normal text-stone-700 first-letter:uppercase">{day}</span> : null}
          {`${from}–${to}`}
        </p>
        <span className={`shrink-0 rounded-full px-2.5 py-1 text-sm font-medium ${ended || left === 0 ? "bg-stone-100" : "bg-brand-50 text-brand-800"}`}>
          {ended ? t("over") : left === 0 ? t("full") : t("open", { count: left })}
        </span>
      </div>
      <h3 className="text-lg font-semibold">{shift.activity}</h3>
      {shift.groupName ? <p className="text-sm text-stone-600">{t("groupOnly", { group: shift.groupName })}</p> : null}
      <p className="text-sm text-stone-600">
        {shift.locationName ? `${shift.locationName} · ` : null}
        {t("filled", { filled: shift.filled, needed: shift.needed })}
        {showPeople ? ` · ${names.length > 0 ? t("onIt", { names: format.list(names, { type: "conjunction" }) }) : t("nobodyYet")}` : null}
      </p>
    </>
  );
  const frame = `block rounded-xl border p-4 ${ended ? "bg-stone-50" : "bg-white"} border-stone-200`;
  return href ? (
    <Link href={href} className={`${frame} hover:border-brand-600`}>
      {body}
    </Link>
  ) : (
    <article className={frame}>{body}</article>
  );
}
