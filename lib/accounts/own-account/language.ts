// A signed-in member's language: stored on their login, used for their pages and their emails.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { locales, type Locale } from "@/lib/i18n/locales";
import type { AccountOwner } from "./own-account";

export const chooseLanguageSchema = z.object({
  locale: z.enum(locales, { message: "invalid" }),
});
export type ChooseLanguageInput = z.infer<typeof chooseLanguageSchema>;

/** Stores the member's choice; from the next request on, their pages and emails are in it. */
export async function chooseOwnLanguage(owner: AccountOwner, input: ChooseLanguageInput): Promise<{ locale: Locale }> {
  const db = await getDb();
  await db
    .update(users)
    .set({ locale: input.locale })
    .where(and(eq(users.id, owner.userId), eq(users.tenantId, owner.tenantId)));
  return { locale: input.locale };
}
