// One person's row of access facts turned into what the people table and the member page show: the
// status badges (describeAccount) in words and dates, and the access actions this coordinator may take.
// A row travels to the browser as a client component's props, so it leaves out what it does not have
// (no role, no groups, never signed in): a page of rows is a good part of the page's weight.
import { plainBadgeKinds, type AccountBadgeView, type PlainBadgeKind } from "@/components/coordinator/account-badge-list";
import type { PersonAccessView } from "@/components/coordinator/person-access-row";
import type { PersonAccessAction } from "@/components/coordinator/person-access-actions";
import type { PersonAccessRow } from "@/lib/accounts/blocking/queries";
import { blockEligibility, canResendUsername, describeAccount, type AccessSubject } from "@/lib/accounts/blocking/rules";
import type { Actor } from "@/lib/accounts/queries";
import { canManageAccountOf } from "@/lib/auth/permissions";
import { dayKeyAsDate } from "@/lib/dates";
import type { getFormatter, getTranslations } from "@/lib/i18n/server";
import { formatPersonName } from "@/lib/people/names";

type AccountsTexts = Awaited<ReturnType<typeof getTranslations<"accounts">>>;
type Formatter = Awaited<ReturnType<typeof getFormatter>>;

export type AccessViewContext = {
  actor: Pick<Actor, "personId" | "role" | "timeZone">;
  today: string;
  minScheduleDate: string;
  t: AccountsTexts;
  format: Formatter;
};

/** The day after the end date (the first day someone is gone), if that is still ahead; else tomorrow. */
function suggestedBlockDay(endDate: string | null, minDate: string): string {
  if (!endDate) return minDate;
  const next = new Date(`${endDate}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const day = next.toISOString().slice(0, 10);
  return day > minDate ? day : minDate;
}

export function badgeViews(row: PersonAccessRow, { t, format, actor, today }: AccessViewContext): AccountBadgeView[] {
  const day = (date: Date) => format.dateTime(date, "day", { timeZone: actor.timeZone });
  const calendarDay = (dayKey: string) => format.dateTime(dayKeyAsDate(dayKey), "day", { timeZone: "UTC" });
  const subject: AccessSubject = { personId: row.personId, role: row.role, endDate: row.endDate, login: row.login };
  return describeAccount(subject, today).map((badge) => {
    switch (badge.kind) {
      case "blocked":
        return { kind: badge.kind, label: t("badges.blocked"), hint: badge.since ? t("badges.blockedSince", { date: day(badge.since) }) : undefined };
      case "locked":
        return { kind: badge.kind, label: t("badges.locked"), hint: t("badges.lockedHint") };
      case "left-can-sign-in":
        return { kind: badge.kind, label: t("badges.left-can-sign-in", { date: calendarDay(badge.endDate) }) };
      case "block-scheduled":
        return { kind: badge.kind, label: t("badges.block-scheduled", { date: day(badge.on) }) };
      default:
        return { kind: badge.kind, label: t(`badges.${badge.kind}`) };
    }
  });
}

/** The words of the badges a row names by kind only (PersonAccessView's badges). */
export function plainBadgeLabels(t: AccountsTexts): Record<PlainBadgeKind, string> {
  return Object.fromEntries(plainBadgeKinds.map((kind) => [kind, t(`badges.${kind}`)])) as Record<PlainBadgeKind, string>;
}

const isPlain = (badge: AccountBadgeView): badge is AccountBadgeView & { kind: PlainBadgeKind } =>
  badge.hint === undefined && (plainBadgeKinds as readonly string[]).includes(badge.kind);

export function personAccessView(row: PersonAccessRow, context: AccessViewContext): PersonAccessView {
  const { actor, t, format, minScheduleDate } = context;
  const calendarDay = (dayKey: string) => format.dateTime(dayKeyAsDate(dayKey), "day", { timeZone: "UTC" });
  const subject: AccessSubject = { personId: row.personId, role: row.role, endDate: row.endDate, login: row.login };
  const login = row.login;
  // A provider admin visiting has no person record: nobody is "self" then.
  const isSelf = actor.personId !== null && row.personId === actor.personId;
  const canBlock = blockEligibility(subject, actor) === "block";
  const actions: PersonAccessAction[] = [];
  if (canBlock) actions.push("block");
  if (login?.status === "blocked") actions.push("unblock");
  if (login?.lockedAt) actions.push("unlock");
  if (login?.hasAuthenticator && canManageAccountOf(actor.role, row.role)) actions.push("resetAuthenticator");
  if (canResendUsername(subject, row.hasEmail)) actions.push("resendUsername");
  if (canBlock) actions.push("schedule");
  if (login && login.status !== "blocked" && login.blockScheduledFor) actions.push("cancelSchedule");
  const view: PersonAccessView = { personId: row.personId, name: formatPersonName(row), badges: badgeViews(row, context).map((badge) => (isPlain(badge) ? badge.kind : badge)), actions };
  if (row.role !== "member") view.roleLabel = t(`table.role_${row.role}`);
  if (isSelf) view.isSelf = true;
  if (row.groups.length > 0) view.groups = row.groups.join(", ");
  if (login) view.username = login.username;
  if (login?.lastLoginAt) view.lastLogin = format.dateTime(login.lastLoginAt, "moment", { timeZone: actor.timeZone });
  if (login?.status === "active" && login.loginCount === 0) view.usernameUnavailable = true;
  const scheduleDefault = suggestedBlockDay(row.endDate, minScheduleDate);
  if (scheduleDefault !== minScheduleDate) view.scheduleDefault = scheduleDefault;
  if (row.endDate) view.endDateLabel = calendarDay(row.endDate);
  return view;
}
