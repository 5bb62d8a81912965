import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { AuditLogTable, type AuditRowView } from "@/components/coordinator/audit-log-table";
import { PageLinks } from "@/components/coordinator/page-links";
import { auditPageSchema } from "@/lib/accounts/blocking/schemas";
import { canSeeSecurityLog } from "@/lib/auth/permissions";
import { requireCoordinator } from "@/lib/auth/session";
import { dayKeyAsDate } from "@/lib/dates";
import type { AuditAction } from "@/lib/tenancy/audit";
import { roles } from "@/lib/accounts/roles/rules";
import { securityLogPerAccount } from "@/lib/auth/refusals";
import { auditKindFor, listAuditEntries, type AuditLogEntry } from "@/lib/tenancy/audit-queries";
import { memberRecordFields, type MemberRecordField } from "@/lib/people/member-record-schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

/** Every audit action has a label; adding an action without one fails the type check. */
const actionLabels: Record<AuditAction, string> = {
  "organisation.created": "organisationCreated",
  "account.blocked": "accountBlocked",
  "account.unblocked": "accountUnblocked",
  "account.block-scheduled": "accountBlockScheduled",
  "account.block-schedule-cancelled": "accountBlockScheduleCancelled",
  "account.unlocked": "accountUnlocked",
  "account.password-reset": "accountPasswordReset",
  "account.username-sent": "accountUsernameSent",
  "account.sign-in-link-sent": "accountSignInLinkSent",
  "person.created": "personCreated",
  "person.updated": "personUpdated",
  "account.role-changed": "accountRoleChanged",
  "provider.visit-started": "providerVisitStarted",
  "logins.exported": "loginsExported",
  "logins.reset": "loginsReset",
  "account.temporary-password-sent": "accountTemporaryPasswordSent",
  "logins.created": "loginsCreated",
  "logins.activated": "loginsActivated",
  "people.merged": "peopleMerged",
  "people.imported": "peopleImported",
  "account.authenticator-reset": "accountAuthenticatorReset",
  "settings.security-changed": "securityChanged",
  "settings.organisation-changed": "organisationChanged",
  "security.refused": "securityRefused",
  "security.refusals-suppressed": "securityRefusalsSuppressed",
  "group.created": "groupCreated",
  "group.renamed": "groupRenamed",
  "group.email-changed": "groupEmailChanged",
  "group.archived": "groupArchived",
  "group.unarchived": "groupUnarchived",
  "group.deleted": "groupDeleted",
  "group.members-added": "groupMembersAdded",
  "group.members-removed": "groupMembersRemoved",
  "location.created": "locationCreated",
  "location.changed": "locationChanged",
  "location.archived": "locationArchived",
  "location.unarchived": "locationUnarchived",
  "location.deleted": "locationDeleted",
  "email-text.changed": "emailTextChanged",
  "hours.week-confirmed": "hoursWeekConfirmed",
  "hours.correction-requested": "hoursCorrectionRequested",
  "hours.corrected": "hoursCorrected",
  "hours.approved": "hoursApproved",
  "hours.sent-back": "hoursSentBack",
  "hours.correction-handled": "hoursCorrectionHandled",
  "hours.exported": "hoursExported",
};

const refusalReasons = ["passwordChangeOwed", "role", "otherOrganisation", "notAllowed", "signedOut"] as const;

function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(actionLabels, action);
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditLogPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireCoordinator();
  const t = await getTranslations("audit");
  const tLogins = await getTranslations("logins");
  const tTable = await getTranslations("accounts.table");
  const tRoles = await getTranslations("roles");
  const tVisit = await getTranslations("providerBanner");
  const tOrganisation = await getTranslations("organisationSettings");
  const tImport = await getTranslations("memberImport");
  const tMerging = await getTranslations("merging");
  const tGroups = await getTranslations("groupsAudit");
  const tRecords = await getTranslations("memberRecords");
  const tTemporary = await getTranslations("temporaryPasswords");
  const format = await getFormatter();
  const raw = await searchParams;
  const { page: requested } = auditPageSchema.parse({ page: Array.isArray(raw.page) ? raw.page[0] : raw.page });
  const kind = auditKindFor(actor.role, raw.kind);
  const page = await listAuditEntries(actor.tenantId, { page: requested, kind });
  const moment = (date: Date) => format.dateTime(date, "moment", { timeZone: actor.timeZone });
  const day = (date: Date) => format.dateTime(date, "day", { timeZone: actor.timeZone });
  const calendarDay = (dayKey: string) => format.dateTime(dayKeyAsDate(dayKey), "day", { timeZone: "UTC" });

  /** The details the access actions record, in words; anything else is left out rather than shown raw. */
  function explain(entry: AuditLogEntry): string {
    const { details } = entry;
    const parts: string[] = [];
    const via = typeof details.via === "string" ? details.via : null;
    if (via === "selection" && typeof details.size === "number") parts.push(t("via.selection", { size: details.size }));
    if (via === "group" && typeof details.groupName === "string") parts.push(t("via.group", { group: details.groupName }));
    if (via === "everyone") parts.push(t("via.everyone"));
    if (via === "schedule") parts.push(t("via.schedule"));
    const scheduledFor = typeof details.scheduledFor === "string" ? details.scheduledFor : null;
    if (scheduledFor && entry.action !== "account.blocked") {
      // Scheduling stores the chosen calendar day; a cancelled or carried-out schedule the moment.
      const label = /^\d{4}-\d{2}-\d{2}$/.test(scheduledFor) ? calendarDay(scheduledFor) : day(new Date(scheduledFor));
      parts.push(t("scheduledFor", { date: label }));
    }
    if (entry.action === "settings.security-changed") parts.push(...securityChanges(details));
    if (entry.action === "settings.organisation-changed") parts.push(...organisationChanges(details));
    if (entry.action === "people.imported") parts.push(importCounts(details));
    if (entry.action === "people.merged") parts.push(...mergeSummary(details));
    if ((entry.action === "logins.created" || entry.action === "logins.activated") && typeof details.count === "number") parts.push(tLogins("audit.count", { count: details.count }));
    if (entry.action === "logins.exported" && typeof details.count === "number") parts.push(tTemporary("audit.exported", { count: details.count }));
    if (entry.action === "logins.reset" && typeof details.issued === "number") parts.push(tTemporary("audit.reset", { count: details.issued }));
    if (entry.action === "person.created" || entry.action === "person.updated") parts.push(...recordFields(details));
    if (entry.action === "account.role-changed") parts.push(...roleChange(details));
    if (entry.action === "provider.visit-started" && typeof details.provider === "string") parts.push(tVisit("auditVisit", { provider: details.provider }));
    if (entry.action === "security.refused" || entry.action === "security.refusals-suppressed") parts.push(refusal(entry));
    if (entry.action.startsWith("group.") || entry.action.startsWith("location.")) parts.push(...groupOrLocation(entry));
    return parts.join(". ");
  }

  /** "Gewijzigd: Achternaam, Telefoonnummer": the names of the member record's fields, never their values. */
  function recordFields(details: Record<string, unknown>): string[] {
    const fields = Array.isArray(details.fields) ? details.fields.filter((field): field is MemberRecordField => memberRecordFields.some((known) => known === field)) : [];
    return fields.length > 0 ? [tRecords("page.changedFields", { fields: fields.map((field) => tRecords(`fields.${field}`)).join(", ") })] : [];
  }

  /** Which group or location, and for some actions what changed: "Groep ‘Koffie’, 3 personen". */
  function groupOrLocation(entry: AuditLogEntry): string[] {
    const { details } = entry;
    const text = (value: unknown) => (typeof value === "string" ? value : "");
    const count = (value: unknown) => (typeof value === "number" ? value : 0);
    const after = (typeof details.after === "object" && details.after !== null ? details.after : {}) as Record<string, unknown>;
    const parts = [tGroups(entry.action.startsWith("group.") ? "group" : "location", { name: text(details.name) })];
    if (entry.action === "group.renamed" && typeof after.name === "string") parts.push(tGroups("renamed", { name: after.name }));
    if (entry.action === "group.email-changed") parts.push(tGroups("email", { email: text(after.email) || tGroups("noEmail") }));
    if (entry.action === "group.members-added" || entry.action === "group.members-removed") parts.push(tGroups("members", { count: count(details.count) }));
    if (entry.action === "group.deleted") parts.push(tGroups("deleted", { members: count(details.members), shifts: count(details.comingShifts) }));
    return [parts.join(", ")];
  }

  /** "Rol: lid → coördinator". */
  function roleChange(details: Record<string, unknown>): string[] {
    const before = roles.find((role) => role === details.before);
    const after = roles.find((role) => role === details.after);
    return before && after ? [tRoles("auditChange", { before: tRoles(`names.${before}`), after: tRoles(`names.${after}`) })] : [];
  }

  /** "blockPeople: mag dit niet met deze rol"; the action is the code's own name for it. */
  function refusal(entry: AuditLogEntry): string {
    const action = typeof entry.details.action === "string" ? entry.details.action : "?";
    if (entry.action === "security.refusals-suppressed") return t("refusal.suppressed", { limit: securityLogPerAccount.limit });
    const reason = refusalReasons.find((known) => known === entry.details.reason) ?? "notAllowed";
    return t("refusal.detail", { action, reason: t(`refusal.reasons.${reason}`) });
  }

  /** "Extra controle voor leden: uit → aan", one part per setting that changed. */
  function securityChanges(details: Record<string, unknown>): string[] {
    const before = details.before as Record<string, unknown> | undefined;
    const after = details.after as Record<string, unknown> | undefined;
    if (!before || !after) return [];
    const value = (key: string, raw: unknown) => (key === "lockoutThreshold" ? String(raw) : raw === "email" ? t("security.on") : t("security.off"));
    return (["twoFactorForMembers", "twoFactorForCoordinators", "lockoutThreshold"] as const)
      .filter((key) => before[key] !== after[key] && after[key] !== undefined)
      .map((key) => t("security.change", { setting: t(`security.${key}`), from: value(key, before[key]), to: value(key, after[key]) }));
  }

  /** "leden.xlsx: 30 toegevoegd, 2 overgeslagen, 30 logins". */
  function importCounts(details: Record<string, unknown>): string {
    const count = (key: string) => (typeof details[key] === "number" ? details[key] : 0);
    const fileName = typeof details.fileName === "string" ? details.fileName : "";
    return tImport("audit", { fileName, added: count("added"), skipped: count("skipped"), logins: count("logins") });
  }

  /** What a merge moved to the kept record, and which login stayed or was blocked. */
  function mergeSummary(details: Record<string, unknown>): string[] {
    const moved = (typeof details.moved === "object" && details.moved !== null ? details.moved : {}) as Record<string, unknown>;
    const count = (key: string) => (typeof moved[key] === "number" ? moved[key] : 0);
    const parts = [tMerging("audit", { shifts: count("assignments"), groups: count("groups"), hours: count("workedHours") })];
    if (typeof details.survivingLogin === "string") parts.push(tMerging("auditSurviving", { username: details.survivingLogin }));
    if (typeof details.blockedLogin === "string") parts.push(tMerging("auditBlocked", { username: details.blockedLogin }));
    return parts;
  }

  /** "Tijdzone: Europe/Amsterdam → Europe/London"; the entry holds only the settings that changed. */
  function organisationChanges(details: Record<string, unknown>): string[] {
    const before = details.before as Record<string, unknown> | undefined;
    const after = details.after as Record<string, unknown> | undefined;
    if (!before || !after) return [];
    const value = (key: string, raw: unknown): string => {
      if (raw === null || raw === undefined || raw === "") return t("organisationSettings.none");
      if (key === "locale" && (raw === "nl" || raw === "en")) return tOrganisation(`locales.${raw}`);
      if (key === "hoursDeadline" && typeof raw === "object") {
        const { weekday, time } = raw as { weekday?: unknown; time?: unknown };
        const day = typeof weekday === "number" && weekday >= 1 && weekday <= 7 ? tOrganisation(`weekdays.${weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7}`) : "?";
        return `${day} ${typeof time === "string" ? time : "?"}`;
      }
      return String(raw);
    };
    return (["name", "email", "timeZone", "locale", "hoursDeadline"] as const)
      .filter((key) => Object.hasOwn(after, key))
      .map((key) => t("security.change", { setting: t(`organisationSettings.${key}`), from: value(key, before[key]), to: value(key, after[key]) }));
  }

  const rows: AuditRowView[] = page.entries.map((entry) => ({
    id: entry.id,
    when: moment(entry.at),
    whenIso: entry.at.toISOString(),
    actor: entry.actor?.name ?? (entry.details.via === "schedule" ? t("scheduledJob") : t("system")),
    action: isAuditAction(entry.action) ? t(`actions.${actionLabels[entry.action]}`) : entry.action,
    target:
      entry.target?.name ??
      (entry.action.startsWith("account.") ? t("removedPerson") : entry.action.startsWith("settings.") || entry.action.startsWith("security.") ? t("organisation") : "–"),
    details: explain(entry),
  }));

  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <Link href="/dashboard/people" className="text-brand-700 underline underline-offset-2">
          {t("peopleLink")}
        </Link>
      </div>
      {canSeeSecurityLog(actor.role) ? (
        <nav aria-label={t("kinds.label")} className="mt-3 flex gap-4">
          {(["changes", "security"] as const).map((option) => (
            <Link
              key={option}
              href={option === "security" ? "/dashboard/audit?kind=security" : "/dashboard/audit"}
              aria-current={option === kind ? "page" : undefined}
              className={option === kind ? "font-semibold text-stone-900" : "text-brand-700 underline underline-offset-2"}
            >
              {t(`kinds.${option}`)}
            </Link>
          ))}
        </nav>
      ) : null}
      <p className="mt-1 max-w-3xl text-stone-700">{kind === "security" ? t("securityIntro", { limit: securityLogPerAccount.limit }) : t("intro")}</p>
      {rows.length === 0 ? (
        <p className="mt-4 rounded-xl border border-dashed border-stone-300 bg-white p-6 text-stone-700">{t(kind === "security" ? "securityEmpty" : "empty")}</p>
      ) : (
        <AuditLogTable
          rows={rows}
          caption={t("caption", { count: page.total })}
          headings={{ when: t("when"), actor: t("actor"), action: t("action"), target: t("target"), details: t("details") }}
        />
      )}
      <PageLinks
        page={page.page}
        pageCount={page.pageCount}
        hrefFor={(n) => {
          const query = new URLSearchParams(kind === "security" ? { kind } : {});
          if (n > 1) query.set("page", String(n));
          return query.size > 0 ? `/dashboard/audit?${query}` : "/dashboard/audit";
        }}
        labels={{
          navigation: t("title"),
          previous: tTable("previous"),
          next: tTable("next"),
          pageOf: tTable("pageOf", { page: page.page, pageCount: page.pageCount }),
        }}
      />
    </>
  );
}
