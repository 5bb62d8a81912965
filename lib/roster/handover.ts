// Handing a shift over (overdragen): a member on a shift asks one colleague, several, or a group to
// take it; the first to accept gets it. Every write follows the lock order of lib/roster/sign-ups.ts
// (the request row, then the shift row, then the people rows in id order), so any number of
// simultaneous accepts of one request leave exactly one new assignee. A request ends when the shift
// starts: it is read as expired from then on, no job needed.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { people } from "@/lib/db/schema/people";
import { assignments, handoverRecipients, handoverRequests, shifts } from "@/lib/db/schema/roster";
import { groupMembers, groups, locations, organisations } from "@/lib/db/schema/tenancy";
import { sendToMany } from "@/lib/mail/fan-out";
import { sendHandoverToCoordinator } from "@/lib/mail/messages";
import { toEmailLocale, type EmailLocale } from "@/lib/mail/registry";
import { mailRecipientOf, readMailPeople, type MailPerson } from "@/lib/mail/recipients";
import { currentMember } from "@/lib/people/members";
import { personNameSql } from "@/lib/people/names";
import { listEligiblePeople } from "./queries";
import { describeShift, whyCannotWork, type WorkProblem } from "./rules";
import { lockPeople, lockShift, readCandidates, type LockedShift, type RosterMember } from "./sign-ups";

/** A change and the outbox ids its transaction wrote, for `deliverAfterCommit` after commit. */
export type HandoverChange<R> = { result: R; mailIds: string[] };

/** The page every handover email button opens, for the requester and for each recipient. */
export function handoverPagePath(requestId: string): string {
  return `/my/handover/${requestId}`;
}

// ── Asking ──────────────────────────────────────────────────────────────────────────────────────

export type RequestHandoverInput = {
  shiftId: string;
  /** Colleagues chosen one by one. */
  personIds: readonly string[];
  /** Or (also) everyone of a group who may work the shift. */
  groupId: string | null;
  message: string | null;
};

export type RequestHandoverResult =
  | { outcome: "requested"; requestId: string; recipients: number }
  | { outcome: "refused"; problem: "notFound" | "notOnShift" | "started" | "cancelled" | "nobodyChosen" | "nobodyEligible" }
  | { outcome: "refused"; problem: "alreadyAsked"; requestId: string }
  | { outcome: "refused"; problem: "notEligible"; names: string[] };

/**
 * Asks the chosen colleagues (and/or the members of a group) to take over the member's place on a
 * shift that has not started. Only people who may work it are asked: someone chosen by name who may
 * not (not in the shift's group, already on it, another shift at that time) refuses the whole
 * request with their name; a group's ineligible members are simply skipped. One open request per
 * shift and member. Each recipient gets an email whose button signs them in on the request's page.
 */
export async function requestHandover(member: RosterMember, input: RequestHandoverInput, now: Date = new Date()): Promise<HandoverChange<RequestHandoverResult>> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const refuse = (result: RequestHandoverResult) => ({ result, mailIds: [] });
    const shift = await lockShift(tx, member.tenantId, input.shiftId);
    if (!shift) return refuse({ outcome: "refused", problem: "notFound" });
    if (shift.cancelledAt) return refuse({ outcome: "refused", problem: "cancelled" });
    if (shift.startsAt.getTime() <= now.getTime()) return refuse({ outcome: "refused", problem: "started" });
    const [mine] = await tx
      .select({ id: assignments.id })
      .from(assignments)
      .where(and(eq(assignments.tenantId, member.tenantId), eq(assignments.shiftId, shift.id), eq(assignments.personId, member.personId)));
    if (!mine) return refuse({ outcome: "refused", problem: "notOnShift" });
    const [open] = await tx
      .select({ id: handoverRequests.id })
      .from(handoverRequests)
      .where(
        and(
          eq(handoverRequests.tenantId, member.tenantId),
          eq(handoverRequests.shiftId, shift.id),
          eq(handoverRequests.requesterId, member.personId),
          eq(handoverRequests.status, "open"),
        ),
      );
    if (open) return refuse({ outcome: "refused", problem: "alreadyAsked", requestId: open.id });

    const chosen = [...new Set(input.personIds)].filter((id) => id !== member.personId);
    const fromGroup = input.groupId ? await groupMemberIds(tx, member.tenantId, input.groupId) : [];
    const everyone = [...new Set([...chosen, ...fromGroup])].filter((id) => id !== member.personId);
    if (everyone.length === 0) return refuse({ outcome: "refused", problem: input.groupId ? "nobodyEligible" : "nobodyChosen" });
    // Current members of this organisation only; anyone else is ignored as if never sent.
    const current = new Set(await currentPeople(tx, member.tenantId, everyone, shift));
    const candidates = await readCandidates(tx, member.tenantId, shift, everyone.filter((id) => current.has(id)));
    const byId = new Map(candidates.map((candidate) => [candidate.personId, candidate]));
    const mayWork = (id: string) => {
      const candidate = byId.get(id);
      return candidate !== undefined && whyCannotWork(shift, candidate, now) === null;
    };
    const refusedByName = chosen.filter((id) => byId.has(id) && !mayWork(id));
    if (refusedByName.length > 0) return refuse({ outcome: "refused", problem: "notEligible", names: refusedByName.map((id) => byId.get(id)?.name ?? "") });
    const recipients = everyone.filter(mayWork);
    if (recipients.length === 0) return refuse({ outcome: "refused", problem: input.groupId ? "nobodyEligible" : "nobodyChosen" });

    const [request] = await tx
      .insert(handoverRequests)
      .values({ tenantId: member.tenantId, shiftId: shift.id, requesterId: member.personId, message: input.message, createdAt: now, updatedAt: now })
      .returning({ id: handoverRequests.id });
    await tx.insert(handoverRecipients).values(recipients.map((personId) => ({ tenantId: member.tenantId, requestId: request.id, personId, createdAt: now, updatedAt: now })));

    const requester = await readMailPeople(tx, member.tenantId, [member.personId]);
    const requesterName = requester[0]?.name ?? "";
    const { mailIds } = await sendToMany(tx, {
      tenantId: member.tenantId,
      template: "handover-request",
      now,
      recipients: (await readMailPeople(tx, member.tenantId, recipients)).flatMap((recipient) =>
        recipient.email
          ? [
              {
                ...mailRecipientOf(recipient, handoverPagePath(request.id)),
                values: {
                  voornaam: recipient.firstName,
                  collega: requesterName,
                  dienst: describeShift(shift, recipient.locale, recipient.timeZone),
                  bericht: input.message ?? "",
                },
                // The requester's message is shown as is, in a box, whatever the customised text says.
                details: input.message ? { message: input.message } : {},
              },
            ]
          : [],
      ),
    });
    return { result: { outcome: "requested", requestId: request.id, recipients: recipients.length }, mailIds };
  });
}

async function groupMemberIds(tx: Tx, tenantId: string, groupId: string): Promise<string[]> {
  const rows = await tx
    .select({ personId: groupMembers.personId })
    .from(groupMembers)
    .innerJoin(groups, and(eq(groups.id, groupMembers.groupId), eq(groups.tenantId, tenantId)))
    .where(and(eq(groupMembers.tenantId, tenantId), eq(groupMembers.groupId, groupId)));
  return rows.map((row) => row.personId);
}

/** Of these ids, the people of the tenant who are not merged away and have not left by the shift's day. */
async function currentPeople(tx: Tx, tenantId: string, personIds: readonly string[], shift: { startsAt: Date }): Promise<string[]> {
  const rows = await tx
    .select({ id: people.id })
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.tenantId))
    .where(
      and(
        inArray(people.id, [...personIds]),
        currentMember(tenantId, sql`(${shift.startsAt.toISOString()}::timestamptz at time zone ${organisations.timeZone})::date`),
      ),
    );
  return rows.map((row) => row.id);
}

// ── Accepting ───────────────────────────────────────────────────────────────────────────────────

export type AcceptHandoverResult =
  | { outcome: "accepted"; shiftId: string }
  | {
      outcome: "refused";
      problem: "notFound" | "alreadyTaken" | "alreadyYours" | "withdrawn" | "expired" | "shiftCancelled" | WorkProblem;
    };

type LockedRequest = { id: string; shiftId: string; requesterId: string; status: "open" | "accepted" | "cancelled" | "expired"; acceptedById: string | null };

async function lockRequest(tx: Tx, tenantId: string, requestId: string): Promise<LockedRequest | null> {
  const [request] = await tx
    .select({
      id: handoverRequests.id,
      shiftId: handoverRequests.shiftId,
      requesterId: handoverRequests.requesterId,
      status: handoverRequests.status,
      acceptedById: handoverRequests.acceptedById,
    })
    .from(handoverRequests)
    .where(and(eq(handoverRequests.tenantId, tenantId), eq(handoverRequests.id, requestId)))
    .for("update");
  return request ?? null;
}

async function isRecipient(tx: Tx, tenantId: string, requestId: string, personId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: handoverRecipients.id })
    .from(handoverRecipients)
    .where(and(eq(handoverRecipients.tenantId, tenantId), eq(handoverRecipients.requestId, requestId), eq(handoverRecipients.personId, personId)));
  return row !== undefined;
}

/**
 * Takes over the shift of an open request the member was asked for. The first accept wins: the
 * requester's place moves to the member (source "handover") and the request closes; every later
 * accept hears "already taken". The taker must still be allowed to work the shift (no other shift
 * at that time, in its group). Mails the requester, the taker, the other recipients and the
 * responsible coordinator (the shift's coordinator, else the group's address, else the organisation's).
 */
export async function acceptHandover(member: RosterMember, requestId: string, now: Date = new Date()): Promise<HandoverChange<AcceptHandoverResult>> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const refuse = (problem: Extract<AcceptHandoverResult, { outcome: "refused" }>["problem"]) => ({
      result: { outcome: "refused" as const, problem },
      mailIds: [],
    });
    const request = await lockRequest(tx, member.tenantId, requestId);
    if (!request || !(await isRecipient(tx, member.tenantId, request.id, member.personId))) return refuse("notFound");
    if (request.status === "accepted") return refuse(request.acceptedById === member.personId ? "alreadyYours" : "alreadyTaken");
    if (request.status === "cancelled") return refuse("withdrawn");
    if (request.status === "expired") return refuse("expired");
    const shift = await lockShift(tx, member.tenantId, request.shiftId);
    if (!shift) return refuse("notFound");
    if (shift.cancelledAt) return refuse("shiftCancelled");
    if (shift.startsAt.getTime() <= now.getTime()) return refuse("expired");
    await lockPeople(tx, member.tenantId, [request.requesterId, member.personId].sort());
    const [place] = await tx
      .select({ id: assignments.id })
      .from(assignments)
      .where(and(eq(assignments.tenantId, member.tenantId), eq(assignments.shiftId, shift.id), eq(assignments.personId, request.requesterId)));
    if (!place) {
      // The requester left the shift another way (a coordinator took them off): nothing to take over.
      await tx.update(handoverRequests).set({ status: "cancelled", cancelledAt: now, updatedAt: now }).where(eq(handoverRequests.id, request.id));
      return refuse("withdrawn");
    }
    const [candidate] = await readCandidates(tx, member.tenantId, shift, [member.personId]);
    const problem = candidate ? whyCannotWork(shift, candidate, now) : "notFound";
    if (problem) return refuse(problem);

    await tx.delete(assignments).where(eq(assignments.id, place.id));
    await tx.insert(assignments).values({
      tenantId: member.tenantId,
      shiftId: shift.id,
      personId: member.personId,
      source: "handover",
      signedUpAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await tx
      .update(handoverRequests)
      .set({ status: "accepted", acceptedById: member.personId, acceptedAt: now, updatedAt: now })
      .where(eq(handoverRequests.id, request.id));
    const mailIds = await mailAcceptance(tx, member.tenantId, request, member.personId, shift, now);
    return { result: { outcome: "accepted", shiftId: shift.id }, mailIds };
  });
}

async function mailAcceptance(tx: Tx, tenantId: string, request: LockedRequest, takerId: string, shift: LockedShift, now: Date): Promise<string[]> {
  const recipientRows = await tx
    .select({ personId: handoverRecipients.personId })
    .from(handoverRecipients)
    .where(and(eq(handoverRecipients.tenantId, tenantId), eq(handoverRecipients.requestId, request.id)));
  const others = recipientRows.map((row) => row.personId).filter((id) => id !== takerId && id !== request.requesterId);
  const everyone = await readMailPeople(tx, tenantId, [request.requesterId, takerId, ...others]);
  const byId = new Map(everyone.map((person) => [person.id, person]));
  const requester = byId.get(request.requesterId);
  const taker = byId.get(takerId);
  const mailIds: string[] = [];
  const about = (person: MailPerson, colleague: MailPerson) => ({
    voornaam: person.firstName,
    collega: colleague.name,
    dienst: describeShift(shift, person.locale, person.timeZone),
  });
  if (requester?.email && taker) {
    const sent = await sendToMany(tx, {
      tenantId,
      template: "handover-accepted-requester",
      now,
      recipients: [{ ...mailRecipientOf(requester, "/my"), values: about(requester, taker) }],
    });
    mailIds.push(...sent.mailIds);
  }
  if (taker?.email && requester) {
    const sent = await sendToMany(tx, {
      tenantId,
      template: "handover-accepted-taker",
      now,
      recipients: [{ ...mailRecipientOf(taker, `/my/shifts/${shift.id}`), values: about(taker, requester) }],
    });
    mailIds.push(...sent.mailIds);
  }
  if (requester) {
    const sent = await sendToMany(tx, {
      tenantId,
      template: "handover-already-taken",
      now,
      recipients: others.flatMap((id) => {
        const other = byId.get(id);
        return other?.email ? [{ ...mailRecipientOf(other, "/my/shifts?view=open"), values: about(other, requester) }] : [];
      }),
    });
    mailIds.push(...sent.mailIds);
  }
  const coordinator = await responsibleAddress(tx, tenantId, shift.id);
  if (coordinator && requester && taker) {
    mailIds.push(
      await sendHandoverToCoordinator(tx, {
        tenantId,
        to: coordinator,
        takerName: taker.name,
        requesterName: requester.name,
        shift: describeShift(shift, coordinator.locale, coordinator.timeZone),
        url: `/dashboard/roster/${shift.id}`,
        locale: coordinator.locale,
      }),
    );
  }
  return mailIds;
}

export type ResponsibleAddress = { address: string; name: string | null; personId: string | null; locale: EmailLocale; timeZone: string };

/**
 * Who hears about a handover: the shift's coordinator when they have an email address, else the
 * address of the shift's group, else the organisation's address; null when none of them has one.
 */
export async function responsibleAddress(tx: Tx, tenantId: string, shiftId: string): Promise<ResponsibleAddress | null> {
  const [row] = await tx
    .select({
      coordinatorId: people.id,
      coordinatorEmail: people.email,
      coordinatorName: sql<string | null>`${personNameSql('"people"')}`,
      coordinatorLocale: users.locale,
      groupEmail: groups.email,
      organisationEmail: organisations.email,
      organisationLocale: organisations.locale,
      timeZone: organisations.timeZone,
    })
    .from(shifts)
    .innerJoin(organisations, eq(organisations.id, shifts.tenantId))
    .leftJoin(people, and(eq(people.id, shifts.coordinatorId), eq(people.tenantId, shifts.tenantId)))
    .leftJoin(users, and(eq(users.personId, people.id), eq(users.tenantId, shifts.tenantId)))
    .leftJoin(groups, and(eq(groups.id, shifts.groupId), eq(groups.tenantId, shifts.tenantId)))
    .where(and(eq(shifts.tenantId, tenantId), eq(shifts.id, shiftId)));
  if (!row) return null;
  const organisationLocale = toEmailLocale(row.organisationLocale);
  const coordinatorEmail = row.coordinatorEmail?.trim();
  if (coordinatorEmail) {
    return {
      address: coordinatorEmail,
      name: row.coordinatorName?.trim() || null,
      personId: row.coordinatorId,
      locale: toEmailLocale(row.coordinatorLocale ?? row.organisationLocale),
      timeZone: row.timeZone,
    };
  }
  const fallback = row.groupEmail?.trim() || row.organisationEmail?.trim();
  return fallback ? { address: fallback, name: null, personId: null, locale: organisationLocale, timeZone: row.timeZone } : null;
}

// ── Withdrawing ─────────────────────────────────────────────────────────────────────────────────

export type CancelHandoverResult = { outcome: "withdrawn" } | { outcome: "refused"; problem: "notFound" | "alreadyTaken" | "withdrawn" | "expired" };

/**
 * The requester withdraws their request, until someone accepts it or the shift starts. Everyone
 * asked hears that it is no longer needed, so nobody keeps an email whose button leads nowhere.
 */
export async function cancelHandover(member: RosterMember, requestId: string, now: Date = new Date()): Promise<HandoverChange<CancelHandoverResult>> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const refuse = (problem: Extract<CancelHandoverResult, { outcome: "refused" }>["problem"]) => ({
      result: { outcome: "refused" as const, problem },
      mailIds: [],
    });
    const request = await lockRequest(tx, member.tenantId, requestId);
    if (!request || request.requesterId !== member.personId) return refuse("notFound");
    if (request.status === "accepted") return refuse("alreadyTaken");
    if (request.status === "cancelled") return refuse("withdrawn");
    const [shift] = await tx
      .select({ id: shifts.id, activity: shifts.activity, startsAt: shifts.startsAt, endsAt: shifts.endsAt, locationName: locations.name })
      .from(shifts)
      .leftJoin(locations, eq(locations.id, shifts.locationId))
      .where(and(eq(shifts.tenantId, member.tenantId), eq(shifts.id, request.shiftId)));
    if (request.status === "expired" || !shift || shift.startsAt.getTime() <= now.getTime()) return refuse("expired");
    await tx.update(handoverRequests).set({ status: "cancelled", cancelledAt: now, updatedAt: now }).where(eq(handoverRequests.id, request.id));

    const recipientRows = await tx
      .select({ personId: handoverRecipients.personId })
      .from(handoverRecipients)
      .where(and(eq(handoverRecipients.tenantId, member.tenantId), eq(handoverRecipients.requestId, request.id)));
    const everyone = await readMailPeople(tx, member.tenantId, [request.requesterId, ...recipientRows.map((row) => row.personId)]);
    const requester = everyone.find((person) => person.id === request.requesterId);
    const { mailIds } = await sendToMany(tx, {
      tenantId: member.tenantId,
      template: "handover-withdrawn",
      now,
      recipients: everyone.flatMap((recipient) =>
        recipient.id !== request.requesterId && recipient.email && requester
          ? [
              {
                ...mailRecipientOf(recipient, "/my/shifts?view=open"),
                values: { voornaam: recipient.firstName, collega: requester.name, dienst: describeShift(shift, recipient.locale, recipient.timeZone) },
              },
            ]
          : [],
      ),
    });
    return { result: { outcome: "withdrawn" as const }, mailIds };
  });
}

// ── Reading, for the pages ──────────────────────────────────────────────────────────────────────

/** A request's state as its pages show it: an open request whose shift has started has expired. */
export type HandoverState = "open" | "accepted" | "withdrawn" | "expired" | "shiftCancelled";

export type HandoverView = {
  id: string;
  state: HandoverState;
  /** The viewer asked for it, or was asked. */
  viewer: "requester" | "recipient";
  message: string | null;
  requesterName: string;
  acceptedByName: string | null;
  acceptedByViewer: boolean;
  /** For the requester: who was asked. */
  recipientNames: string[];
  shift: { id: string; activity: string; startsAt: Date; endsAt: Date; locationName: string | null; locationAddress: string | null; notes: string | null };
};

/**
 * The request as its requester or one of its recipients sees it; null for anyone else (and for an
 * id of another organisation), so the page says "not found" without telling whether it exists.
 */
export async function getHandoverForViewer(tenantId: string, personId: string, requestId: string, now: Date = new Date()): Promise<HandoverView | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      id: handoverRequests.id,
      status: handoverRequests.status,
      message: handoverRequests.message,
      requesterId: handoverRequests.requesterId,
      acceptedById: handoverRequests.acceptedById,
      requesterName: sql<string>`(select ${personNameSql("r")} from ${people} r where r.id = ${handoverRequests.requesterId})`,
      acceptedByName: sql<string | null>`(select ${personNameSql("t")} from ${people} t where t.id = ${handoverRequests.acceptedById})`,
      recipientNames: sql<unknown>`(
        select coalesce(json_agg(${personNameSql("p")} order by p.last_name, p.first_name), '[]'::json)
        from ${handoverRecipients} hr join ${people} p on p.id = hr.person_id
        where hr.request_id = ${handoverRequests.id}
      )`,
      isRecipient: sql<boolean>`exists (select 1 from ${handoverRecipients} hr where hr.request_id = ${handoverRequests.id} and hr.person_id = ${personId})`,
      shiftId: shifts.id,
      activity: shifts.activity,
      startsAt: shifts.startsAt,
      endsAt: shifts.endsAt,
      notes: shifts.notes,
      cancelledAt: shifts.cancelledAt,
      locationName: locations.name,
      locationAddress: locations.address,
    })
    .from(handoverRequests)
    .innerJoin(shifts, eq(shifts.id, handoverRequests.shiftId))
    .leftJoin(locations, eq(locations.id, shifts.locationId))
    .where(and(eq(handoverRequests.tenantId, tenantId), eq(handoverRequests.id, requestId)));
  if (!row) return null;
  const viewer = row.requesterId === personId ? "requester" : row.isRecipient ? "recipient" : null;
  if (!viewer) return null;
  const names = typeof row.recipientNames === "string" ? JSON.parse(row.recipientNames) : row.recipientNames;
  const state: HandoverState =
    row.status === "accepted"
      ? "accepted"
      : row.status === "cancelled"
        ? "withdrawn"
        : row.cancelledAt
          ? "shiftCancelled"
          : row.status === "expired" || row.startsAt.getTime() <= now.getTime()
            ? "expired"
            : "open";
  return {
    id: row.id,
    state,
    viewer,
    message: row.message,
    requesterName: row.requesterName.trim(),
    acceptedByName: row.acceptedByName?.trim() || null,
    acceptedByViewer: row.acceptedById === personId,
    recipientNames: Array.isArray(names) ? names.map((name) => String(name).trim()) : [],
    shift: {
      id: row.shiftId,
      activity: row.activity,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      locationName: row.locationName,
      locationAddress: row.locationAddress,
      notes: row.notes,
    },
  };
}

export type HandoverChoices = {
  shift: { id: string; activity: string; startsAt: Date; endsAt: Date; locationName: string | null; groupName: string | null };
  /** Why the member cannot hand this shift over; null when they can. */
  problem: "notOnShift" | "started" | "cancelled" | null;
  /** The member's open request for this shift, if any. */
  openRequestId: string | null;
  /** Colleagues who may work the shift. */
  people: { id: string; name: string }[];
  /** Groups with at least one such colleague, and how many. */
  groups: { id: string; name: string; eligible: number }[];
};

/**
 * What the handover form offers: the colleagues who may work the shift (the coordinator's eligibility
 * rules: in its group, not on it, free at that time, not left) and the groups they are in. Null for a
 * shift of another organisation.
 */
export async function getHandoverChoices(tenantId: string, personId: string, shiftId: string, now: Date = new Date()): Promise<HandoverChoices | null> {
  const db = await getDb();
  const [shift] = await db
    .select({
      id: shifts.id,
      activity: shifts.activity,
      startsAt: shifts.startsAt,
      endsAt: shifts.endsAt,
      cancelledAt: shifts.cancelledAt,
      locationName: locations.name,
      groupName: groups.name,
      isOn: sql<boolean>`exists (select 1 from ${assignments} a where a.shift_id = ${shifts.id} and a.person_id = ${personId})`,
      openRequestId: sql<string | null>`(select h.id from ${handoverRequests} h where h.shift_id = ${shifts.id} and h.requester_id = ${personId} and h.status = 'open' limit 1)`,
    })
    .from(shifts)
    .leftJoin(locations, eq(locations.id, shifts.locationId))
    .leftJoin(groups, eq(groups.id, shifts.groupId))
    .where(and(eq(shifts.tenantId, tenantId), eq(shifts.id, shiftId)));
  if (!shift) return null;
  const problem = shift.cancelledAt ? "cancelled" : !shift.isOn ? "notOnShift" : shift.startsAt.getTime() <= now.getTime() ? "started" : null;
  const eligible = problem ? [] : (await listEligiblePeople(tenantId, shiftId)).filter((person) => person.id !== personId);
  const groupCounts = new Map<string, number>();
  for (const person of eligible) for (const name of person.groupNames) groupCounts.set(name, (groupCounts.get(name) ?? 0) + 1);
  const groupRows = groupCounts.size
    ? await db
        .select({ id: groups.id, name: groups.name })
        .from(groups)
        .where(and(eq(groups.tenantId, tenantId), inArray(groups.name, [...groupCounts.keys()])))
        .orderBy(asc(groups.name))
    : [];
  return {
    shift: { id: shift.id, activity: shift.activity, startsAt: shift.startsAt, endsAt: shift.endsAt, locationName: shift.locationName, groupName: shift.groupName },
    problem,
    openRequestId: shift.openRequestId,
    people: eligible.map((person) => ({ id: person.id, name: person.name })),
    groups: groupRows.map((group) => ({ ...group, eligible: groupCounts.get(group.name) ?? 0 })),
  };
}
