// A colleague's contact card to save on the phone, holding only the fields colleagues may see.
import { z } from "zod";
import { memberRoute } from "@/lib/auth/route-guards";
import { getColleague, getProfileFieldSettings } from "@/lib/people/queries";
import { todayIn } from "@/lib/dates";
import { buildVCard, vCardContentDisposition } from "@/lib/people/vcard";

const paramsSchema = z.object({ id: z.uuid() });

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

const notFound = () => plain(404, "Deze persoon bestaat niet (meer).");

export const GET = memberRoute<{ id: string }>(
  "colleagueVCard",
  async (actor, _request, rawParams) => {
    const params = paramsSchema.safeParse(rawParams);
    if (!params.success) return notFound();
    const settings = await getProfileFieldSettings(actor.tenantId);
    const person = await getColleague(actor.tenantId, params.data.id, settings, todayIn(actor.timeZone));
    if (!person) return notFound();
    const body = buildVCard({ ...person, ...person.contact, organisationName: actor.organisationName });
    return new Response(body, {
      headers: {
        "content-type": "text/vcard; charset=utf-8",
        "content-disposition": vCardContentDisposition(person),
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  },
  { references: ({ id }) => ({ personId: id }), notFound },
);
