import Link from "next/link";

export type MemberShiftView = { id: string; activity: string; when: string; location: string | null };

/** A short list of a member's shifts (coming or past) on the member page; each opens the shift. */
export function MemberShiftList({ shifts, empty }: { shifts: MemberShiftView[]; empty: string }) {
  if (shifts.length === 0) return <p className="text-stone-600">{empty}</p>;
  return (
    <ul className="divide-y divide-stone-200">
      {shifts.map((shift) => (
        <li key={shift.id} className="py-2">
          <Link href={`/dashboard/roster/${shift.id}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">
            {shift.activity}
          </Link>
          <span className="block text-sm text-stone-700">
            {shift.when}
            {shift.location ? ` · ${shift.location}` : ""}
          </span>
        </li>
      ))}
    </ul>
  );
}
