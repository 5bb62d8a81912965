import { getFormatter, getTranslations } from "next-intl/server";
import type { ShiftListItem } from "@/lib/roster/queries";
import { placesLeft } from "@/lib/roster/rules";

/** One shift: when, what, where and how full, with times in the organisation's zone. */
export async function ShiftCard({ shift, timeZone }: { shift: ShiftListItem; timeZone: string }) {
  const format = await getFormatter();
  const t = await getTranslations("shifts");
  const left = placesLeft(shift.needed, shift.filled);
  const day = format.dateTime(shift.startsAt, { weekday: "long", day: "numeric", month: "long", timeZone });
  const from = format.dateTime(shift.startsAt, { hour: "2-digit", minute: "2-digit", timeZone });
  const to = format.dateTime(shift.endsAt, { hour: "2-digit", minute: "2-digit", timeZone });
  return (
    <article className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
      <p className="text-sm text-stone-600">
        <span className="capitalize">{day}</span> · {from}–{to}
      </p>
      <h3 className="mt-1 text-lg font-semibold">{shift.activity}</h3>
      {shift.locationName ? <p className="text-stone-700">{shift.locationName}</p> : null}
      <p className="mt-2 text-sm">
        <span className="text-stone-600">{t("filled", { filled: shift.filled, needed: shift.needed })}</span>
        {" · "}
        <span className={left === 0 ? "text-stone-600" : "font-medium text-brand-700"}>{left === 0 ? t("full") : t("open", { count: left })}</span>
      </p>
    </article>
  );
}
