// One shift as a calendar file, from the "add to calendar" link in an assignment email. The
// signature in the address is the credential (see lib/roster/calendar.ts); the answer only reads.
import { renderShiftCalendar } from "@/lib/roster/calendar";

export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  const query = new URL(request.url).searchParams;
  const body = await renderShiftCalendar({ shiftId: id, personId: query.get("for") ?? "", signature: query.get("sig") ?? "" });
  if (body === null) {
    return new Response("Deze agenda-link klopt niet of de dienst bestaat niet meer. Je diensten staan altijd op je eigen pagina in Ploeg.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  return new Response(body, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      // "attachment" makes phones offer to add the event instead of showing the text.
      "content-disposition": 'attachment; filename="dienst.ics"',
      "cache-control": "private, no-store",
    },
  });
}
