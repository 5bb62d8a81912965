import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import type { AccountBadgeView } from "@/components/coordinator/account-badge-list";
import { LeaversNotice } from "@/components/coordinator/leavers-notice";
import { PageLinks } from "@/components/coordinator/page-links";
import { PeopleAccessManager, type PersonAccessView } from "@/components/coordinator/people-access-manager";
import { PeopleFilterForm } from "@/components/coordinator/people-filter-form";
import type { PersonAccessAction } from "@/components/coordinator/person-access-actions";
import { countPeopleByAccessStatus, listGroupOptions, listPeopleAccess, type PersonAccessRow } from "@/lib/accounts/blocking/queries";
import {
  blockEligibility,
  canResendUsername,
  describeAccount,
  firstSchedulableDate,
  type AccessSubject,
} from "@/lib/accounts/blocking/rules";
import { peopleFilterSchema } from "@/lib/accounts/blocking/schemas";
import { canManageAccountOf } from "@/lib/auth/permissions";
import { requireCoordinator } from "@/lib/auth/session";
import { dayKeyAsDate, todayIn } from "@/lib/dates";
import { formatPersonName } from "@/lib/people/names";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accounts");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The day after the end date (the first day someone is gone), if that is still ahead; else tomorrow. */
function suggestedBlockDay(endDate: string | null, minDate: string): string {
  if (!endDate) return minDate;
  const next = new Date(`${endDate}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const day = next.toISOString().slice(0, 10);
  return day > minDate ? day : minDate;
}

export default async function PeopleAccessPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireCoordinator();
  const t = await getTranslations("accounts");
  const format = await getFormatter();
  const raw = await searchParams;
  const filter = peopleFilterSchema.parse({ q: first(raw.q), group: first(raw.group), status: first(raw.status), page: first(raw.page) });
  const now = new Date();
  const today = todayIn(actor.timeZone, now);
  const minScheduleDate = firstSchedulableDate(now, actor.timeZone);
  const [page, counts, groups] = await Promise.all([
    listPeopleAccess(actor.tenantId, { search: filter.q, groupId: filter.group, status: filter.status, page: filter.page }, today),
    countPeopleByAccessStatus(actor.tenantId, today),
    listGroupOptions(actor.tenantId),
  ]);
  const groupId = filter.group && groups.some((group) => group.id === filter.group) ? filter.group : null;
  const filtered = Boolean(filter.q) || groupId !== null || filter.status !== "all";

  const moment = (date: Date) => format.dateTime(date, "moment", { timeZone: actor.timeZone });
  const day = (date: Date) => format.dateTime(date, "day", { timeZone: actor.timeZone });
  const calendarDay = (dayKey: string) => format.dateTime(dayKeyAsDate(dayKey), "day", { timeZone: "UTC" });

  function toView(row: PersonAccessRow): PersonAccessView {
    const name = formatPersonName(row);
    const subject: AccessSubject = { personId: row.personId, role: row.role, endDate: row.endDate, login: row.login };
    const badges: AccountBadgeView[] = describeAccount(subject, today).map((badge) => {
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
    const login = row.login;
    const canBlock = blockEligibility(subject, actor) === "block";
    const actions: PersonAccessAction[] = [];
    if (canBlock) actions.push("block");
    if (login?.status === "blocked") actions.push("unblock");
    if (login?.lockedAt) actions.push("unlock");
    if (login?.hasAuthenticator && canManageAccountOf(actor.role, row.role)) actions.push("resetAuthenticator");
    const resendable = canResendUsername(subject, row.hasEmail);
    if (resendable) actions.push("resendUsername");
    if (canBlock) actions.push("schedule");
    if (login && login.status !== "blocked" && login.blockScheduledFor) actions.push("cancelSchedule");
    return {
      personId: row.personId,
      name,
      roleLabel: row.role === "member" ? null : t(`table.role_${row.role}`),
      isSelf: row.personId === actor.personId,
      groups: row.groups,
      username: login?.username ?? null,
      lastLogin: login?.lastLoginAt ? moment(login.lastLoginAt) : null,
      badges,
      actions,
      usernameUnavailable: login?.status === "active" && login.loginCount === 0,
      selectable: login !== null && row.personId !== actor.personId,
      scheduleDefault: suggestedBlockDay(row.endDate, minScheduleDate),
      endDateLabel: row.endDate ? calendarDay(row.endDate) : null,
    };
  }

  const query = (pageNumber: number) => {
    const params = new URLSearchParams();
    if (filter.q) params.set("q", filter.q);
    if (groupId) params.set("group", groupId);
    if (filter.status !== "all") params.set("status", filter.status);
    if (pageNumber > 1) params.set("page", String(pageNumber));
    const search = params.toString();
    return search ? `/dashboard/people?${search}` : "/dashboard/people";
  };

  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <Link href="/dashboard/audit" className="text-brand-700 underline underline-offset-2">
          {t("auditLink")}
        </Link>
      </div>
      <p className="mt-1 max-w-3xl text-stone-700">{t("intro")}</p>

      {filter.status !== "left" && counts.left > 0 ? (
        <div className="mt-4">
          <LeaversNotice count={counts.left} />
        </div>
      ) : null}

      <div className="mt-4">
        <PeopleFilterForm search={filter.q ?? ""} groupId={groupId} status={filter.status} groups={groups} counts={counts} />
      </div>

      <PeopleAccessManager
        // A new filter or page starts with an empty selection.
        key={query(page.page)}
        rows={page.rows.map(toView)}
        groups={groups.map((group) => ({ id: group.id, name: group.name, label: t("bulk.groupOption", { name: group.name, count: group.members }) }))}
        initialGroupId={groupId}
        minScheduleDate={minScheduleDate}
        caption={t("table.caption", { count: page.total, filtered: filtered ? "true" : "false" })}
        empty={
          page.rows.length > 0
            ? null
            : filtered || page.page > 1
              ? { title: t("table.emptyFiltered"), hint: t("table.emptyFilteredHint") }
              : { title: t("table.empty"), hint: null }
        }
      />

      <PageLinks
        page={page.page}
        pageCount={page.pageCount}
        hrefFor={query}
        labels={{
          navigation: t("table.pagination"),
          previous: t("table.previous"),
          next: t("table.next"),
          pageOf: t("table.pageOf", { page: page.page, pageCount: page.pageCount }),
        }}
      />
    </>
  );
}
