// Mail batches: the outbox rows one bulk action wrote (a reset-and-mail, a block, a username resend) share a
// batch id, set by the fan-out step as it writes them (fan-out.ts), so the members table can show how far
// the latest batch has got ("312 van 2.000 verstuurd").
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { outbox } from "@/lib/db/schema/platform";
import { people } from "@/lib/db/schema/people";
import { formatPersonName } from "@/lib/people/names";

/** A batch is watched for one day; older batches are history, read per member in their mail log. */
export const MAIL_BATCH_WINDOW_MS = 24 * 3_600_000;
/** How many failed recipients the line names; the rest are counted. */
const FAILED_NAMES = 10;

export type MailBatchProgress = {
  batchId: string;
  total: number;
  sent: number;
  failed: number;
  pending: number;
  startedAt: Date;
  /** The first few recipients whose mail failed for good, with the member page to open. */
  failedPeople: { personId: string | null; name: string }[];
};

type ProgressRow = {
  batch_id: string;
  total: number | string;
  sent: number | string;
  failed: number | string;
  pending: number | string;
  started_at: Date | string;
  failed_people: { personId: string | null; toName: string | null; firstName: string | null; infix: string | null; lastName: string | null }[] | string | null;
};

function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/**
 * The latest mail batch of the organisation from the last 24 hours, counted in one query whatever its
 * size, or null when there is none or every mail of it has been sent (then there is nothing to watch).
 */
export async function getLatestMailBatchProgress(tenantId: string, now: Date = new Date()): Promise<MailBatchProgress | null> {
  const db = await getDb();
  const since = new Date(now.getTime() - MAIL_BATCH_WINDOW_MS);
  const result = await db.execute(sql`
    with latest as (
      select ${outbox.batchId} as batch_id from ${outbox}
      where ${outbox.tenantId} = ${tenantId} and ${outbox.batchId} is not null and ${outbox.createdAt} > ${since.toISOString()}::timestamptz
      order by ${outbox.createdAt} desc
      limit 1
    )
    select
      o.batch_id,
      count(*)::int as total,
      (count(*) filter (where o.status = 'sent'))::int as sent,
      (count(*) filter (where o.status = 'failed'))::int as failed,
      (count(*) filter (where o.status = 'pending'))::int as pending,
      min(o.created_at) as started_at,
      to_json((array_agg(json_build_object(
        'personId', o.person_id, 'toName', o.to_name, 'firstName', p.first_name, 'infix', p.infix, 'lastName', p.last_name
      ) order by o.to_name) filter (where o.status = 'failed'))[1:${sql.raw(String(FAILED_NAMES))}]) as failed_people
    from ${outbox} o
    join latest on latest.batch_id = o.batch_id
    left join ${people} p on p.id = o.person_id and p.tenant_id = ${tenantId}
    where o.tenant_id = ${tenantId}
    group by o.batch_id`);
  const [row] = rowsOf<ProgressRow>(result);
  if (!row) return null;
  const progress = {
    total: Number(row.total),
    sent: Number(row.sent),
    failed: Number(row.failed),
    pending: Number(row.pending),
  };
  if (progress.pending === 0 && progress.failed === 0) return null;
  const failedRaw = typeof row.failed_people === "string" ? (JSON.parse(row.failed_people) as ProgressRow["failed_people"]) : row.failed_people;
  const failedPeople = (Array.isArray(failedRaw) ? failedRaw : []).map((entry) => ({
    personId: entry.lastName !== null ? entry.personId : null,
    name: entry.lastName !== null ? formatPersonName({ firstName: entry.firstName ?? "", infix: entry.infix, lastName: entry.lastName }) : (entry.toName ?? ""),
  }));
  return { batchId: row.batch_id, ...progress, startedAt: new Date(row.started_at), failedPeople };
}
