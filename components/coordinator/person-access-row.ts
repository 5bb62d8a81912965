// One row of the members table as it travels from the server to the browser. A page of rows is sent
// as client component props, in the page's HTML, beside the rows' own markup; as objects, the same
// seven key names and each row's list of action names were a third of every row. So a row travels
// as a tuple with its actions as bits, and the table unpacks it. No server or browser imports: both
// sides use it.
import type { AccountBadgeView, PlainBadgeKind } from "./account-badge-list";
import type { PersonAccessAction } from "./person-access-actions";

/**
 * One person's row. Fields a row does not have are left out rather than null. Everyone can be
 * selected, also without a login: group membership is for every member, and the access actions skip
 * (and count) whoever has no login or is the coordinator themselves.
 */
export type PersonAccessView = {
  personId: string;
  name: string;
  roleLabel?: string;
  isSelf?: true;
  /** The person's groups, as a list in words. */
  groups?: string;
  username?: string;
  lastLogin?: string;
  /** A badge with the same words on every row is only its kind, worded by the table's badgeLabels. */
  badges: Array<AccountBadgeView | PlainBadgeKind>;
  actions: PersonAccessAction[];
  usernameUnavailable?: true;
  /** The day the schedule dialog suggests when not the first day that can be scheduled: the day after the end date. */
  scheduleDefault?: string;
  endDateLabel?: string;
};

/** What few rows have, kept together so that most rows need no place for it. */
type RowExtras = Pick<PersonAccessView, "roleLabel" | "isSelf" | "usernameUnavailable" | "scheduleDefault" | "endDateLabel">;

/** [personId, name, badges, actions as bits of actionBits, groups, username, last sign-in, extras], trailing blanks left off. */
export type PackedPersonAccessRow = [
  personId: string,
  name: string,
  badges: PersonAccessView["badges"],
  actions: number,
  groups?: string | null,
  username?: string | null,
  lastLogin?: string | null,
  extras?: RowExtras,
];

/** Every action in the order of its bit (and of the row's menu). */
export const actionBits: readonly PersonAccessAction[] = ["block", "unblock", "unlock", "resetAuthenticator", "resendUsername", "schedule", "cancelSchedule"];

export function packRow(view: PersonAccessView): PackedPersonAccessRow {
  const { personId, name, badges, actions, groups, username, lastLogin, ...extras } = view;
  const bits = actionBits.reduce((sum, action, index) => (actions.includes(action) ? sum | (1 << index) : sum), 0);
  const packed: PackedPersonAccessRow = [personId, name, badges, bits, groups ?? null, username ?? null, lastLogin ?? null];
  if (Object.keys(extras).length > 0) packed.push(extras);
  while (packed.length > 4 && packed[packed.length - 1] === null) packed.pop();
  return packed;
}

export function unpackRow([personId, name, badges, bits, groups, username, lastLogin, extras]: PackedPersonAccessRow): PersonAccessView {
  const view: PersonAccessView = { personId, name, badges, actions: actionBits.filter((_, index) => (bits & (1 << index)) !== 0), ...extras };
  if (groups != null) view.groups = groups;
  if (username != null) view.username = username;
  if (lastLogin != null) view.lastLogin = lastLogin;
  return view;
}
