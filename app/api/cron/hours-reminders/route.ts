// Sends the hours reminders that are due: members who worked hours in the week that just ended and have
// not confirmed them, the organisation's chosen number of hours before its deadline. Vercel Cron (or any
// scheduler) calls it hourly with the shared secret; each member gets one reminder per week however often
// it runs.
import { isAuthorizedCronRequest } from "@/lib/cron/authorize";
import { sendHoursReminders } from "@/lib/hours/reminders";
import { deliverAfterCommit } from "@/lib/mail/outbox";

export const maxDuration = 60;

async function runHoursRemindersCron(request: Request): Promise<Response> {
  if (!isAuthorizedCronRequest(request)) {
    return Response.json({ error: "unauthorised" }, { status: 401, headers: { "WWW-Authenticate": "Bearer" } });
  }
  const report = await sendHoursReminders(new Date());
  // The reminders are committed with their claims; what this first attempt misses, the outbox cron retries.
  await deliverAfterCommit(report.mailIds);
  return Response.json(
    {
      reminded: report.reminded,
      organisations: report.organisations,
      failed: report.failed,
      deferred: report.deferred,
      emails: report.mailIds.length,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

// Vercel Cron sends GET; other schedulers often POST.
export const GET = runHoursRemindersCron;
export const POST = runHoursRemindersCron;
