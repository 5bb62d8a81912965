// Delivers due outbox mail and retries failed sends; Vercel Cron (or any scheduler) calls it with the secret.
import { isAuthorizedCronRequest } from "@/lib/cron/authorize";
import { deliverPendingMail } from "@/lib/mail/outbox";

// A batch of sends with 15–60 s SMTP timeouts; most runs finish in well under a second.
export const maxDuration = 60;

async function runOutbox(request: Request): Promise<Response> {
  if (!isAuthorizedCronRequest(request)) {
    return Response.json({ error: "unauthorised" }, { status: 401, headers: { "WWW-Authenticate": "Bearer" } });
  }
  const report = await deliverPendingMail({ limit: 100 });
  return Response.json(report, { headers: { "Cache-Control": "no-store" } });
}

// Vercel Cron sends GET; other schedulers often POST.
export const GET = runOutbox;
export const POST = runOutbox;
