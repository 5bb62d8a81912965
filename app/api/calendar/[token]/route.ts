// A member's private calendar feed. The secret token in the address is the only credential:
// calendar apps cannot sign in.
import { renderCalendarFeed } from "@/lib/roster/calendar";

export async function GET(_request: Request, context: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await context.params;
  // Some calendar apps want the address to end in .ics; both forms work.
  const body = await renderCalendarFeed(token.replace(/\.ics$/, ""));
  if (body === null) return new Response("Deze agenda-link bestaat niet (meer).", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(body, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'inline; filename="ploeg-diensten.ics"',
      "cache-control": "private, max-age=300",
    },
  });
}
