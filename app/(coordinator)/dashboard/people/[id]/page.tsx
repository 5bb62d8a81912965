import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { AccountBadgeList } from "@/components/coordinator/account-badge-list";
import { AuditLogTable } from "@/components/coordinator/audit-log-table";
import { MemberDetailList } from "@/components/coordinator/member-detail-list";
import { MemberMailTable } from "@/components/coordinator/member-mail-table";
import { MemberSection } from "@/components/coordinator/member-section";
import { MemberShiftList, type MemberShiftView } from "@/components/coordinator/member-shift-list";
import { PeopleAccessManager } from "@/components/coordinator/people-access-manager";
import { packRow } from "@/components/coordinator/person-access-row";
import { RoleForm } from "@/components/coordinator/role-form";
import { LoginMemberActions } from "@/components/coordinator/login-member-actions";
import { SendSignInLinkButton } from "@/components/coordinator/send-sign-in-link-button";
import { TemporaryPasswordSend } from "@/components/coordinator/temporary-password-send";
import { Alert } from "@/components/ui/alert";
import { firstSchedulableDate } from "@/lib/accounts/blocking/rules";
import { canChangeRoles } from "@/lib/auth/permissions";
import { requireCoordinator } from "@/lib/auth/session";
import { dayKeyAsDate, todayIn } from "@/lib/dates";
import { listMailForPerson } from "@/lib/mail/queries";
import { getMemberRecord, mailDeliveryOf } from "@/lib/people/member-record-queries";
import { findKeptRecordId } from "@/lib/people/merging/queries";
import { memberRecordFields } from "@/lib/people/member-record-schemas";
import { formatPersonName } from "@/lib/people/names";
import { listShiftsForPerson, type ShiftListItem } from "@/lib/roster/queries";
import { listAuditEntries } from "@/lib/tenancy/audit-queries";
import { badgeViews, personAccessView } from "../person-access-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("memberRecords.page");
  return { title: t("profile") };
}

/** How many coming and past shifts, mails and audit entries the page shows: enough to answer "what is going on with her?". */
const SHIFTS_SHOWN = 10;
const MAILS_SHOWN = 20;
const AUDIT_SHOWN = 20;

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * A member as a coordinator sees them, built of sections (profile, groups, login and access, shifts,
 * emails, audit): a new section is one more <MemberSection> in the column.
 */
export default async function MemberPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const actor = await requireCoordinator();
  const { id } = await params;
  const { created } = await searchParams;
  // A malformed id, a missing one and another organisation's look the same.
  if (!z.uuid().safeParse(id).success) notFound();
  const now = new Date();
  const [record, coming, past, mails, audit] = await Promise.all([
    getMemberRecord(actor.tenantId, id),
    listShiftsForPerson(actor.tenantId, id, "coming", now, SHIFTS_SHOWN),
    listShiftsForPerson(actor.tenantId, id, "past", now, SHIFTS_SHOWN),
    listMailForPerson(actor.tenantId, id, MAILS_SHOWN),
    listAuditEntries(actor.tenantId, { page: 1, pageSize: AUDIT_SHOWN, targetPersonId: id }),
  ]);
  if (!record) {
    // A record merged into another one lives on as the kept record.
    const keptId = await findKeptRecordId(actor.tenantId, id);
    if (keptId) redirect(`/dashboard/people/${keptId}`);
    notFound();
  }

  const t = await getTranslations("memberRecords");
  const tAccounts = await getTranslations("accounts");
  const tAudit = await getTranslations("audit");
  const tMerging = await getTranslations("merging");
  const format = await getFormatter();
  const today = todayIn(actor.timeZone, now);
  const minScheduleDate = firstSchedulableDate(now, actor.timeZone);
  const viewContext = { actor, today, minScheduleDate, t: tAccounts, format };
  const name = formatPersonName(record.values);
  const access = record.access;
  const login = access.login;
  const moment = (date: Date) => format.dateTime(date, "moment", { timeZone: actor.timeZone });
  const calendarDay = (dayKey: string) => format.dateTime(dayKeyAsDate(dayKey), "day", { timeZone: "UTC" });

  const profileItems = memberRecordFields
    .filter((field) => field !== "firstName" && field !== "infix" && field !== "lastName")
    .map((field) => {
      const value = record.values[field];
      const shown = value && (field === "birthDate" || field === "startDate" || field === "endDate") ? calendarDay(value) : value;
      return { label: t(`fields.${field}`), value: shown ?? t("page.notFilledIn"), muted: !shown };
    });

  const shiftView = (shift: ShiftListItem): MemberShiftView => ({
    id: shift.id,
    activity: shift.activity,
    location: shift.locationName,
    when: t("page.shiftWhen", {
      day: format.dateTime(shift.startsAt, "day", { timeZone: actor.timeZone }),
      from: format.dateTime(shift.startsAt, "time", { timeZone: actor.timeZone }),
      to: format.dateTime(shift.endsAt, "time", { timeZone: actor.timeZone }),
    }),
  });

  const actionLabel = (action: string) => {
    // "account.sign-in-link-sent" → "accountSignInLinkSent", the audit page's label keys.
    const key = action.replace(/[.-](\w)/g, (_, letter: string) => letter.toUpperCase());
    return tAudit.has(`actions.${key}`) ? tAudit(`actions.${key}` as "actions.accountBlocked") : action;
  };

  const canSendLink = login?.status === "active" && access.hasEmail && record.values.email !== null;

  return (
    <>
      <Link href="/dashboard/people" className="text-brand-700 underline underline-offset-2">
        {t("backToPeople")}
      </Link>
      <div className="mt-2 flex flex-wrap items-baseline justify-between gap-x-6 gap-y-2">
        <h1 className="text-2xl font-semibold">
          {name}
          {access.role === "member" ? null : (
            <span className="ml-2 rounded bg-stone-100 px-1.5 py-0.5 align-middle text-sm font-medium text-stone-700">{tAccounts(`table.role_${access.role}`)}</span>
          )}
        </h1>
        <Link href={`/dashboard/people/${id}/edit`} className="rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700">
          {t("edit")}
        </Link>
        <Link href={`/dashboard/people/${id}/merge`} className="rounded-lg border border-stone-300 px-4 py-2.5 font-medium hover:bg-stone-100">
          {tMerging("entry")}
        </Link>
      </div>
      {created === "1" ? (
        <Alert tone="success" className="mt-4">
          {t("created")}
        </Alert>
      ) : null}

      <div className="mt-6 grid gap-6">
        <MemberSection id="member-profile" title={t("page.profile")}>
          <MemberDetailList items={profileItems} />
        </MemberSection>

        <MemberSection id="member-groups" title={t("page.groups")}>
          {access.groups.length > 0 ? <p>{access.groups.join(", ")}</p> : <p className="text-stone-600">{t("page.noGroups")}</p>}
        </MemberSection>

        <MemberSection id="member-login" title={t("page.login")}>
          <AccountBadgeList badges={badgeViews(access, viewContext)} />
          {login ? (
            <div className="mt-3">
              <MemberDetailList
                items={[
                  { label: t("page.username"), value: login.username },
                  { label: t("page.loginCount"), value: format.number(login.loginCount) },
                  { label: t("page.lastLogin"), value: login.lastLoginAt ? moment(login.lastLoginAt) : t("page.neverSignedIn"), muted: !login.lastLoginAt },
                ]}
              />
            </div>
          ) : (
            <p className="mt-3 text-stone-600">{t("page.noLogin")}</p>
          )}
          <LoginMemberActions personId={id} status={login?.status ?? null} hasEmail={access.hasEmail} />
          <div className="mt-4">
            <PeopleAccessManager
              layout="person"
              rows={[packRow(personAccessView(access, viewContext))]}
              groups={[]}
              initialGroupId={null}
              minScheduleDate={minScheduleDate}
              caption={name}
              empty={null}
            />
          </div>
          {canSendLink && record.values.email ? (
            <SendSignInLinkButton personId={id} name={name} email={record.values.email} />
          ) : login ? (
            <p className="mt-3 text-sm text-stone-600">{t("signInLink.unavailable")}</p>
          ) : null}
          {canSendLink ? (
            <div className="mt-3">
              <TemporaryPasswordSend personId={id} name={name} />
            </div>
          ) : null}
        </MemberSection>

        {canChangeRoles(actor.role) ? <RoleForm personId={id} personName={name} currentRole={access.role} /> : null}

        <MemberSection id="member-coming-shifts" title={t("page.comingShifts")}>
          <MemberShiftList shifts={coming.map(shiftView)} empty={t("page.noComingShifts")} />
        </MemberSection>

        <MemberSection id="member-past-shifts" title={t("page.pastShifts")}>
          <MemberShiftList shifts={past.map(shiftView)} empty={t("page.noPastShifts")} />
        </MemberSection>

        <MemberSection id="member-mails" title={t("page.mails")}>
          <MemberMailTable
            caption={t("page.mailsCaption", { count: mails.length })}
            empty={t("page.noMails")}
            headers={{ subject: t("page.mailSubject"), when: t("page.mailWhen"), to: t("page.mailTo"), status: t("page.mailStatus") }}
            mails={mails.map((mail) => {
              const delivery = mailDeliveryOf(mail);
              return {
                id: mail.id,
                subject: mail.subject,
                when: moment(mail.sentAt ?? mail.createdAt),
                to: mail.toAddress,
                delivery,
                deliveryLabel: t(`page.delivery.${delivery}`),
                error: (delivery === "failed" || delivery === "retrying") && mail.lastError ? t("page.deliveryError", { error: mail.lastError }) : null,
                canSendAgain: mail.canSendAgain,
              };
            })}
          />
        </MemberSection>

        <MemberSection
          id="member-audit"
          title={t("page.audit")}
          actions={
            <Link href="/dashboard/audit" className="text-brand-700 underline underline-offset-2">
              {t("page.auditLink")}
            </Link>
          }
        >
          {audit.entries.length > 0 ? (
            <AuditLogTable
              caption={t("page.audit")}
              headings={{ when: tAudit("when"), actor: tAudit("actor"), action: tAudit("action"), target: tAudit("target"), details: tAudit("details") }}
              rows={audit.entries.map((entry) => ({
                id: entry.id,
                when: moment(entry.at),
                whenIso: entry.at.toISOString(),
                actor: entry.actor?.name ?? (entry.details.via === "schedule" ? tAudit("scheduledJob") : tAudit("system")),
                action: actionLabel(entry.action),
                target: name,
                details: Array.isArray(entry.details.fields)
                  ? t("page.changedFields", {
                      fields: entry.details.fields
                        .filter((field): field is (typeof memberRecordFields)[number] => memberRecordFields.some((known) => known === field))
                        .map((field) => t(`fields.${field}`))
                        .join(", "),
                    })
                  : "",
              }))}
            />
          ) : (
            <p className="text-stone-600">{t("page.noAudit")}</p>
          )}
        </MemberSection>
      </div>
    </>
  );
}
