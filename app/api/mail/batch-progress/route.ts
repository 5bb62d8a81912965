// The progress of the organisation's latest bulk mail ("312 van 2.000 verstuurd, 3 mislukt"), polled by
// the members table while mails are pending. Coordinators only; counted in one query whatever the batch size.
import { coordinatorRoute } from "@/lib/auth/route-guards";
import { getLatestMailBatchProgress } from "@/lib/mail/batches";

export const GET = coordinatorRoute<Record<string, never>>("mailBatchProgress", async (actor) => {
  const progress = await getLatestMailBatchProgress(actor.tenantId);
  return new Response(JSON.stringify({ progress }), {
    status: 200,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
});
