// The status badges of one person's login in the people table; labels arrive translated and dated.
export type AccountBadgeView = {
  kind: "no-login" | "not-activated" | "active" | "blocked" | "locked" | "never-signed-in" | "left-can-sign-in" | "block-scheduled";
  label: string;
  /** A longer explanation, read by screen readers and shown on hover. */
  hint?: string;
};

/** Badges whose label is always the same words: a table's rows name only their kind (see PeopleAccessManager's badgeLabels). */
export const plainBadgeKinds = ["no-login", "not-activated", "active", "never-signed-in"] as const;
export type PlainBadgeKind = (typeof plainBadgeKinds)[number];

/**
 * A login's badges; their looks per kind are in app/globals.css (.badges), written once for a whole
 * table. `bare`: in a table whose stylesheet gives its lists those looks (.people-table), without the class.
 */
export function AccountBadgeList({ badges, bare = false }: { badges: AccountBadgeView[]; bare?: boolean }) {
  return (
    <ul className={bare ? undefined : "badges"}>
      {badges.map((badge) => (
        <li key={badge.kind} data-kind={badge.kind} title={badge.hint}>
          {badge.label}
          {badge.hint ? <span className="sr-only">: {badge.hint}</span> : null}
        </li>
      ))}
    </ul>
  );
}
