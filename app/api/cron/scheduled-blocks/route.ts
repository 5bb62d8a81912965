// Carries out the blocks coordinators scheduled (members who leave), once their day has begun in the
// organisation's zone. Vercel Cron (or any scheduler) calls it with the shared secret, daily or more often.
import { runScheduledBlocks } from "@/lib/accounts/blocking/blocking";
import { isAuthorizedCronRequest } from "@/lib/cron/authorize";
import { deliverAfterCommit } from "@/lib/mail/outbox";

export const maxDuration = 60;

async function runScheduledBlocksCron(request: Request): Promise<Response> {
  if (!isAuthorizedCronRequest(request)) {
    return Response.json({ error: "unauthorised" }, { status: 401, headers: { "WWW-Authenticate": "Bearer" } });
  }
  const report = await runScheduledBlocks(new Date());
  // The notices are committed with the blocks; what this first attempt misses, the outbox cron retries.
  await deliverAfterCommit(report.mailIds);
  return Response.json(
    { blocked: report.blocked, organisations: report.organisations, failed: report.failed, emails: report.mailIds.length },
    { headers: { "Cache-Control": "no-store" } },
  );
}

// Vercel Cron sends GET; other schedulers often POST.
export const GET = runScheduledBlocksCron;
export const POST = runScheduledBlocksCron;
