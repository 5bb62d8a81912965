"use client";
import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import {
  blockPeople,
  cancelPersonScheduledBlock,
  countAccessChange,
  resendPersonUsername,
  schedulePeopleBlock,
  unblockPeople,
  resetPersonAuthenticator,
  unlockPersonAccount,
} from "@/lib/accounts/blocking/actions";
import type { PeopleSort, SortDirection } from "@/lib/accounts/blocking/rules";
import type { AccessChangeKind, AccessTarget } from "@/lib/accounts/blocking/schemas";
import { AccountBadgeList, type PlainBadgeKind } from "./account-badge-list";
import { unpackRow, type PackedPersonAccessRow, type PersonAccessView } from "./person-access-row";
import { GroupMembershipBulk } from "./group-membership-bulk";
import { PeopleBulkTools, WholeGroupsBlock } from "./people-bulk-tools";
import { AccessChangeConfirm, AccessMessageText, ResetAuthenticatorConfirm, ScheduleBlockAsk, type AccessMessage, type Confirmation, type RowActionDone, type Scheduling } from "./people-access-texts";
import { PersonAccessActions, type PersonAccessAction } from "./person-access-actions";
import { useServerCall } from "./use-server-call";
import { OnDemandMessages, useMessagesOnMount, usePrefetchMessages } from "@/components/on-demand-messages";
import { Alert } from "@/components/ui/alert";
import { StatusText } from "@/components/ui/status-text";
import { Table, type TableColumn } from "@/components/ui/table";

/** The member page of a row. */
const memberPage = (row: PersonAccessView) => `/dashboard/people/${row.personId}`;

export type GroupChoice = { id: string; label: string; name: string };

type SortLink = { direction: "ascending" | "descending" | null; href: string };
type PeopleSortLinks = Record<PeopleSort, SortLink>;

/**
 * The page's sort, in its URL: the filters' query (`base`, e.g. "group=…"), the sort and direction in
 * use and a page size other than the first. The headers' three links are made from it here rather
 * than sent in full.
 */
export type PeopleSorting = { base: string; sort: PeopleSort; dir: SortDirection; size: string | null };

/** A sortable header links to its own sort from the first page; clicked again, it turns the order round. */
function sortLinks({ base, sort, dir, size }: PeopleSorting): PeopleSortLinks {
  const link = (key: PeopleSort): SortLink => {
    const current = sort === key;
    const nextDir = current && dir === "asc" ? "desc" : "asc";
    const params = new URLSearchParams(base);
    if (key !== "name") params.set("sort", key);
    if (nextDir !== "asc") params.set("dir", nextDir);
    if (size) params.set("size", size);
    const search = params.toString();
    return { direction: current ? (dir === "asc" ? "ascending" : "descending") : null, href: search ? `/dashboard/people?${search}` : "/dashboard/people" };
  };
  return { name: link("name"), lastLogin: link("lastLogin"), status: link("status") };
}

type PeopleAccessManagerProps = {
  /** The page's rows, packed for the way to the browser (person-access-row.ts). */
  rows: PackedPersonAccessRow[];
  /** The words of the badges the rows name by kind only; needed with the table. */
  badgeLabels?: Record<PlainBadgeKind, string>;
  groups: GroupChoice[];
  /** The group filter in use, preselected for "block group". */
  initialGroupId: string | null;
  minScheduleDate: string;
  caption: string;
  empty: { title: string; hint: string | null } | null;
  /** The table's sort; without it the table is not sortable. */
  sorting?: PeopleSorting;
  /**
   * "person": the one-person form on the member page: the row's access actions as a menu with the
   * same dialogs, without the bulk bar and the table.
   */
  layout?: "table" | "person";
};

type Notice = { tone: "success" | "error"; message: AccessMessage };

/**
 * The people table with everything a coordinator does to access: select people, block or unblock
 * them (always after a confirmation that names how many), a whole group or everyone, and per-row
 * unlock, resend username and scheduled blocks. The server does every check again.
 */
export function PeopleAccessManager({ rows: packedRows, badgeLabels, groups, initialGroupId, minScheduleDate, caption, empty, sorting, layout = "table" }: PeopleAccessManagerProps) {
  const t = useTranslations("accounts");
  const router = useRouter();
  const rows = useMemo(() => packedRows.map(unpackRow), [packedRows]);
  const sorts = sorting ? sortLinks(sorting) : undefined;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<Notice | null>(null);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const [resetting, setResetting] = useState<{ row: PersonAccessView; error: AccessMessage | null } | null>(null);
  const [scheduling, setScheduling] = useState<Scheduling | null>(null);
  /** Which control is waiting for the server: a row id, a bulk button, or the open dialog. */
  const { busy, run } = useServerCall<string>(() => setNotice({ tone: "error", message: { kind: "failed" } }));
  // The tools for logins, passwords and whole groups open on request: most visits only look or
  // block a few people, and every page would otherwise carry all their controls and texts.
  const [moreOpen, setMoreOpen] = useState(false);
  // The texts of the dialogs and outcomes come when first needed (<OnDemandMessages>): asked for as
  // soon as a row's menu opens or someone is selected, they are usually there before the server answers.
  const prefetchDialogs = usePrefetchMessages("people.dialogs");
  // The tools behind "more" show their controls the moment they open: their words are fetched as the
  // page arrives, and the button waits for them.
  const bulkTools = useMessagesOnMount("people.bulkTools");

  const selectable = useMemo(() => rows.map((row) => row.personId), [rows]);
  // Only people on this page count: after filtering, people no longer shown drop out of the selection.
  const selection = useMemo(() => selectable.filter((id) => selected.has(id)), [selectable, selected]);

  function select(next: ReadonlySet<string>) {
    if (next.size > 0) prefetchDialogs();
    setSelected(next);
  }

  function finishWith(message: AccessMessage, clearSelection: boolean) {
    setNotice({ tone: "success", message });
    if (clearSelection) setSelected(new Set());
    router.refresh();
  }

  /** Step one of a block or unblock: count who it affects, then ask. */
  async function askToConfirm(key: string, change: AccessChangeKind, target: AccessTarget, recounted = false) {
    setNotice(null);
    prefetchDialogs();
    const result = await run(key, () => countAccessChange({ change, target }));
    if (!result) return;
    if (!result.ok) return setNotice({ tone: "error", message: { kind: "failure", result } });
    const preview = result.value;
    if (preview.outcome === "refused") return setNotice({ tone: "error", message: { kind: "refusal", result: preview } });
    if (preview.affected === 0) {
      setConfirmation(null);
      return setNotice({ tone: "error", message: { kind: "refusal", result: { outcome: "refused", reason: "nobodyAffected", skipped: preview.skipped } } });
    }
    setConfirmation({ change, target, preview, recounted, error: null });
  }

  /** Step two: carry it out for exactly the confirmed number, or recount if that changed meanwhile. */
  async function confirmChange() {
    if (!confirmation) return;
    const { change, target, preview } = confirmation;
    const action = change === "block" ? blockPeople : unblockPeople;
    const result = await run("dialog", () => action({ target, expectedCount: preview.affected }));
    if (!result) return;
    if (!result.ok) return setConfirmation({ ...confirmation, error: { kind: "failure", result } });
    const value = result.value;
    if (value.outcome === "refused") {
      if (value.reason === "countChanged") return askToConfirm("dialog", change, target, true);
      return setConfirmation({ ...confirmation, error: { kind: "refusal", result: value } });
    }
    setConfirmation(null);
    finishWith({ kind: "changed", change, changed: value.changed, emailed: value.emailed, skipped: value.skipped }, true);
  }

  async function submitSchedule(date: string) {
    if (!scheduling) return;
    const result = await run("schedule", () => schedulePeopleBlock({ target: scheduling.target, date }));
    if (!result) return;
    if (!result.ok) return setScheduling({ ...scheduling, error: { kind: "failure", result } });
    if (result.value.outcome === "refused") return setScheduling({ ...scheduling, error: { kind: "refusal", result: result.value } });
    setScheduling(null);
    finishWith({ kind: "scheduled", date, changed: result.value.changed, skipped: result.value.skipped }, scheduling.target.kind === "selection");
  }

  async function runRowAction(row: PersonAccessView, action: PersonAccessAction) {
    setNotice(null);
    prefetchDialogs();
    const target = { kind: "person", personId: row.personId } as const;
    if (action === "block") return askToConfirm(row.personId, "block", target);
    if (action === "unblock") return askToConfirm(row.personId, "unblock", target);
    if (action === "schedule") {
      return setScheduling({
        target,
        name: row.name,
        count: 1,
        endDateLabel: row.endDateLabel ?? null,
        defaultDate: row.scheduleDefault ?? minScheduleDate,
        error: null,
      });
    }
    // Taking away a second factor weakens the account until a new one is set: ask first.
    if (action === "resetAuthenticator") return setResetting({ row, error: null });
    await performRowAction(row, action);
  }

  /** Unlock, remove the authenticator app (once confirmed), resend the username or drop a scheduled block. */
  async function performRowAction(row: PersonAccessView, action: RowActionDone) {
    const call =
      action === "unlock"
        ? unlockPersonAccount
        : action === "resetAuthenticator"
          ? resetPersonAuthenticator
          : action === "resendUsername"
            ? resendPersonUsername
            : cancelPersonScheduledBlock;
    const inDialog = action === "resetAuthenticator";
    const result = await run(inDialog ? "reset" : row.personId, () => call({ personId: row.personId }));
    if (!result) return setResetting(null);
    const problem: AccessMessage | null = !result.ok ? { kind: "failure", result } : result.value.outcome === "refused" ? { kind: "refusal", result: result.value } : null;
    if (problem) return inDialog ? setResetting({ row, error: problem }) : setNotice({ tone: "error", message: problem });
    setResetting(null);
    finishWith({ kind: "rowDone", action, name: row.name }, false);
  }

  // In this order for the stylesheet too (.people-table in app/globals.css): the username is a row's
  // third cell, the last sign-in its fifth.
  const columns: TableColumn<PersonAccessView>[] = [
    {
      key: "name",
      header: t("table.name"),
      sort: sorts?.name,
      rowHeader: true,
      colClassName: "lg:w-[26%]",
      cell: (row) => (
        <>
          <Link href={memberPage(row)}>{row.name}</Link>
          {row.isSelf ? <span className="text-stone-600"> ({t("table.you")})</span> : null}
          {row.roleLabel ? <span className="ml-2 rounded bg-stone-100 px-1.5 py-0.5 text-xs font-medium text-stone-700">{row.roleLabel}</span> : null}
          {row.groups ? <small>{row.groups}</small> : null}
        </>
      ),
    },
    {
      key: "username",
      header: t("table.username"),
      colClassName: "lg:w-[16%]",
      cell: (row) => row.username ?? <span className="font-sans text-stone-500">{t("table.noUsername")}</span>,
    },
    { key: "status", header: t("table.status"), sort: sorts?.status, cell: (row) => <AccountBadgeList badges={row.badges.map((badge) => (typeof badge === "string" ? { kind: badge, label: badgeLabels?.[badge] ?? "" } : badge))} bare /> },
    {
      key: "lastLogin",
      header: t("table.lastLogin"),
      sort: sorts?.lastLogin,
      colClassName: "lg:w-[9rem]",
      cell: (row) => row.lastLogin ?? t("table.neverSignedIn"),
    },
    {
      key: "actions",
      header: t("table.actions"),
      colClassName: "lg:w-[7.5rem]",
      headerClassName: "px-4 py-2 text-right font-semibold",
      cell: (row) => (
        <PersonAccessActions
          name={row.name}
          available={row.actions}
          usernameUnavailable={row.usernameUnavailable ?? false}
          busy={busy === row.personId}
          onAction={(action) => runRowAction(row, action)}
          plain
        />
      ),
    },
  ];

  const bulkButton = "rounded-lg border px-3 py-2 font-medium disabled:opacity-50";
  const selectionTarget = (): AccessTarget => ({ kind: "selection", personIds: selection });

  const person = layout === "person" ? rows[0] : undefined;

  return (
    <>
      {person ? (
        <PersonAccessActions
          name={person.name}
          available={person.actions}
          usernameUnavailable={person.usernameUnavailable ?? false}
          busy={busy === person.personId}
          onAction={(action) => runRowAction(person, action)}
        />
      ) : null}
      {layout === "table" ? (
      <section aria-label={t("bulk.label")} className="mt-4 flex flex-wrap items-end justify-between gap-x-8 gap-y-4 rounded-xl border border-stone-200 bg-white p-4">
        <div>
          <StatusText className="font-medium">{t("bulk.selected", { count: selection.length })}</StatusText>
          {selection.length === 0 ? <p className="text-sm text-stone-600">{t("bulk.selectHint")}</p> : null}
          <div className="mt-2 flex flex-wrap gap-2">
            <button
              type="button"
              disabled={selection.length === 0 || busy !== null}
              aria-busy={busy === "bulk-block" || undefined}
              onClick={() => askToConfirm("bulk-block", "block", selectionTarget())}
              className={`${bulkButton} border-red-300 text-red-800 hover:bg-red-50`}
            >
              {busy === "bulk-block" ? t("bulk.counting") : t("bulk.blockSelection")}
            </button>
            <button
              type="button"
              disabled={selection.length === 0 || busy !== null}
              aria-busy={busy === "bulk-unblock" || undefined}
              onClick={() => askToConfirm("bulk-unblock", "unblock", selectionTarget())}
              className={`${bulkButton} border-stone-300 hover:bg-stone-100`}
            >
              {busy === "bulk-unblock" ? t("bulk.counting") : t("bulk.unblockSelection")}
            </button>
            <button
              type="button"
              disabled={selection.length === 0 || busy !== null}
              onClick={() => {
                prefetchDialogs();
                setScheduling({ target: { kind: "selection", personIds: selection }, name: null, count: selection.length, endDateLabel: null, defaultDate: minScheduleDate, error: null });
              }}
              className={`${bulkButton} border-stone-300 hover:bg-stone-100`}
            >
              {t("bulk.scheduleSelection")}
            </button>
            {selection.length > 0 ? (
              <button type="button" onClick={() => setSelected(new Set())} className="px-2 py-2 text-stone-700 underline underline-offset-2">
                {t("bulk.clearSelection")}
              </button>
            ) : selectable.length > 0 ? (
              // On a phone or small screen the table has no header row, so its "select all" box is not visible there.
              <button type="button" onClick={() => select(new Set(selectable))} className="px-2 py-2 text-stone-700 underline underline-offset-2 lg:hidden">
                {t("bulk.selectAll", { count: selectable.length })}
              </button>
            ) : null}
          </div>
          <div className="mt-4">
            <GroupMembershipBulk personIds={selection} groups={groups} disabled={busy !== null} onDone={() => setSelected(new Set())} />
          </div>
          <button
            type="button"
            aria-expanded={moreOpen}
            disabled={bulkTools === "loading"}
            onClick={() => setMoreOpen((open) => !open)}
            className="mt-4 rounded-lg border border-stone-300 px-3 py-2 font-medium hover:bg-stone-100"
          >
            {`${t("bulk.more")} ${moreOpen ? "▴" : "▾"}`}
          </button>
          {moreOpen ? (
            <OnDemandMessages part="people.bulkTools" loading="text">
              <PeopleBulkTools personIds={selection} groups={groups} disabled={busy !== null} onDone={() => setSelected(new Set())} />
            </OnDemandMessages>
          ) : null}
        </div>
        {moreOpen ? (
          <OnDemandMessages part="people.bulkTools">
            <WholeGroupsBlock
              groups={groups}
              initialGroupId={initialGroupId}
              busy={busy === "group" || busy === "everyone" ? busy : busy !== null ? "other" : null}
              onBlockGroup={(groupId) => askToConfirm("group", "block", { kind: "group", groupId })}
              onBlockEveryone={() => askToConfirm("everyone", "block", { kind: "everyone" })}
            />
          </OnDemandMessages>
        ) : null}
      </section>
      ) : null}

      <div aria-live="polite" role="status" className="mt-4 empty:hidden">
        {notice?.tone === "success" ? (
          <OnDemandMessages part="people.dialogs">
            <Alert tone="success" role="none">
              <AccessMessageText message={notice.message} />
            </Alert>
          </OnDemandMessages>
        ) : null}
      </div>
      {notice?.tone === "error" ? (
        <OnDemandMessages part="people.dialogs">
          <Alert tone="error" className="mt-4">
            <AccessMessageText message={notice.message} />
          </Alert>
        </OnDemandMessages>
      ) : null}

      {layout === "table" ? (
      // The stacked cards' labels (app/globals.css, .people-table), given once instead of on every row's cells.
      <div style={{ "--label-username": JSON.stringify(`${t("table.username")}: `), "--label-last-login": JSON.stringify(`${t("table.lastLogin")}: `) } as React.CSSProperties}>
      <Table
        className="mt-4"
        caption={caption}
        columns={columns}
        rows={rows}
        rowKey={(row) => row.personId}
        empty={
          empty ? (
            <>
              <p className="font-medium">{empty.title}</p>
              {empty.hint ? <p className="mt-1 text-stone-700">{empty.hint}</p> : null}
            </>
          ) : null
        }
        selection={{
          selected,
          onChange: select,
          isSelectable: () => true,
          selectAllLabel: t("table.selectAll", { count: selectable.length }),
          rowLabel: (row) => t("table.selectPerson", { name: row.name }),
          colClassName: "w-12",
          headerClassName: "w-12 px-4 py-2",
        }}
        stackBelow="lg"
        fixedLayout
        plainRows
        tableClassName="people-table"
        rowClassName={(row) => (selected.has(row.personId) ? "bg-brand-50" : "")}
      />
      </div>
      ) : null}

      {confirmation ? (
        <OnDemandMessages part="people.dialogs" key={`${confirmation.change}-${confirmation.preview.affected}-${confirmation.recounted}`}>
          <AccessChangeConfirm confirmation={confirmation} pending={busy === "dialog"} onConfirm={confirmChange} onCancel={() => setConfirmation(null)} />
        </OnDemandMessages>
      ) : null}
      {resetting ? (
        <OnDemandMessages part="people.dialogs">
          <ResetAuthenticatorConfirm
            name={resetting.row.name}
            error={resetting.error}
            pending={busy === "reset"}
            onConfirm={() => performRowAction(resetting.row, "resetAuthenticator")}
            onCancel={() => setResetting(null)}
          />
        </OnDemandMessages>
      ) : null}
      {scheduling ? (
        <OnDemandMessages part="people.dialogs">
          <ScheduleBlockAsk scheduling={scheduling} minDate={minScheduleDate} pending={busy === "schedule"} onSubmit={submitSchedule} onCancel={() => setScheduling(null)} />
        </OnDemandMessages>
      ) : null}
    </>
  );
}
