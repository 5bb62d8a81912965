// A colleague's contact card to save on the phone, holding only the fields colleagues may see.
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { getColleague, getProfileFieldSettings } from "@/lib/people/queries";
import { calendarDayIn } from "@/lib/people/rules";
import { buildVCard, vCardContentDisposition } from "@/lib/people/vcard";

const paramsSchema = z.object({ id: z.uuid() });

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const actor = await getActor();
  if (!actor) return plain(401, "Log in om dit contact op te slaan.");
  const params = paramsSchema.safeParse(await context.params);
  if (!params.success) return plain(404, "Deze persoon bestaat niet (meer).");
  const settings = await getProfileFieldSettings(actor.tenantId);
  const person = await getColleague(actor.tenantId, params.data.id, settings, calendarDayIn(actor.timeZone));
  if (!person) return plain(404, "Deze persoon bestaat niet (meer).");
  const body = buildVCard({ ...person, ...person.contact, organisationName: actor.organisationName });
  return new Response(body, {
    headers: {
      "content-type": "text/vcard; charset=utf-8",
      "content-disposition": vCardContentDisposition(person),
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
