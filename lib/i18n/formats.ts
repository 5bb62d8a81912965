// The named date formats every page uses (next-intl's `formats`), defined once: request.ts hands them
// to next-intl, server.ts to its cached formatter, and client components read the same options.
// A format carries no time zone: callers pass the organisation's zone, or "UTC" for a calendar day
// stored as YYYY-MM-DD (see `dayKeyAsDate` in lib/dates.ts).
import type { Formats } from "next-intl";

export const formats = {
  dateTime: {
    /** "28 mrt 2026, 20:30": when something happened. */
    moment: { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" },
    /** "14 januari 2026": a day. */
    day: { day: "numeric", month: "long", year: "numeric" },
    /** "zo 29 mrt": a shift's day in a week's list. */
    weekdayShort: { weekday: "short", day: "numeric", month: "short" },
    /** "14 januari": a week's first and last day. */
    dayMonth: { day: "numeric", month: "long" },
    /** "09:30": a time of day. */
    time: { hour: "2-digit", minute: "2-digit" },
    /** "zondag 29 maart": a shift's day on its card. */
    weekdayDayMonth: { weekday: "long", day: "numeric", month: "long" },
    /** "zondag 29 maart 2026": a shift's day on its own page. */
    weekdayDay: { weekday: "long", day: "numeric", month: "long", year: "numeric" },
    /** "zondag 29 maart, 23:59": a deadline in the coming days. */
    weekdayMoment: { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" },
    /** "zo": a day in the week's strip. */
    weekdayName: { weekday: "short" },
    /** "zondag": the weekday alone, where the date follows apart. */
    weekdayLong: { weekday: "long" },
    /** "29": the day of the month in the week's strip. */
    dayOfMonth: { day: "numeric" },
    /** "zondag 29 maart 2026 om 09:30:12": a full moment, for the development mailbox. */
    fullMoment: { dateStyle: "full", timeStyle: "medium" },
    /** "29-03-2026 09:30:12": a short full moment, for the development mailbox's list. */
    shortMoment: { dateStyle: "short", timeStyle: "medium" },
    /** "zondag 29 maart 2026, 09:30–13:05": a shift's whole span on its own page. */
    shiftSpan: { weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" },
  },
} satisfies Formats;
