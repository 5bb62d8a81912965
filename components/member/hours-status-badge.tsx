import type { HoursBadge } from "@/lib/hours/member-queries";

const looks: Record<HoursBadge, string> = {
  toConfirm: "border-amber-300 bg-amber-50 text-amber-950",
  returned: "border-amber-300 bg-amber-50 text-amber-950",
  late: "border-red-300 bg-red-50 text-red-900",
  confirmed: "border-green-300 bg-green-50 text-green-950",
  approved: "border-green-600 bg-green-100 text-green-950",
  notYet: "border-stone-300 bg-stone-50 text-stone-700",
  empty: "border-stone-300 bg-stone-50 text-stone-700",
};

/** The week's sign-off state as a small coloured label; the colour is never the only signal. */
export function HoursStatusBadge({ badge, label }: { badge: HoursBadge; label: string }) {
  return <span className={`inline-flex shrink-0 items-center rounded-full border px-2.5 py-0.5 text-sm font-medium ${looks[badge]}`}>{label}</span>;
}
