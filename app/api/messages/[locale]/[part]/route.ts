// The texts of one on-demand part (lib/i18n/on-demand-parts.ts) in one language, fetched by
// <OnDemandMessages> the first time a coordinator opens a confirmation or the bulk tools of the members
// table: the page itself does not carry them. Coordinators only; the texts are the same for everyone.
import { coordinatorRoute, jsonResponse } from "@/lib/auth/route-guards";
import { messagesOfPart } from "@/lib/i18n/client-messages";
import { locales, type Locale } from "@/lib/i18n/locales";
import en from "@/lib/i18n/messages/en.json";
import nl from "@/lib/i18n/messages/nl.json";
import { isOnDemandPart } from "@/lib/i18n/on-demand-parts";

const messagesByLocale: Record<Locale, typeof nl> = { nl, en };

export const GET = coordinatorRoute<{ locale: string; part: string }>("onDemandMessages", async (_actor, _request, { locale, part }) => {
  if (!(locales as readonly string[]).includes(locale) || !isOnDemandPart(part)) return jsonResponse(404, { error: "notFound" });
  return jsonResponse(200, messagesOfPart(messagesByLocale[locale as Locale], part));
});
