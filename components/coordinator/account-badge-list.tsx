// The status badges of one person's login in the people table; labels arrive translated and dated.
export type AccountBadgeView = {
  kind: "no-login" | "not-activated" | "active" | "blocked" | "locked" | "never-signed-in" | "left-can-sign-in" | "block-scheduled";
  label: string;
  /** A longer explanation, read by screen readers and shown on hover. */
  hint?: string;
};

const tones: Record<AccountBadgeView["kind"], string> = {
  active: "border-green-300 bg-green-50 text-green-900",
  blocked: "border-red-300 bg-red-50 text-red-900",
  locked: "border-amber-400 bg-amber-50 text-amber-900",
  "never-signed-in": "border-stone-300 bg-stone-100 text-stone-800",
  "left-can-sign-in": "border-orange-400 bg-orange-50 text-orange-900",
  "block-scheduled": "border-violet-300 bg-violet-50 text-violet-900",
  "not-activated": "border-stone-300 bg-white text-stone-800",
  "no-login": "border-stone-300 bg-white text-stone-600",
};

export function AccountBadgeList({ badges }: { badges: AccountBadgeView[] }) {
  return (
    <ul className="flex flex-wrap gap-1.5">
      {badges.map((badge) => (
        <li key={badge.kind} title={badge.hint} className={`rounded-md border px-2 py-0.5 text-sm ${tones[badge.kind]}`}>
          {badge.label}
          {badge.hint ? <span className="sr-only">: {badge.hint}</span> : null}
        </li>
      ))}
    </ul>
  );
}
