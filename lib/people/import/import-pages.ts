// What the member import's pages share: their title, and how a page finds the import its URL names.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { Actor } from "@/lib/accounts/queries";
import { requireCoordinator } from "@/lib/auth/session";
import { getTranslations } from "@/lib/i18n/server";
import { importIdParamSchema } from "./schemas";

export type ImportPageProps = { params: Promise<{ id: string }> };

export async function generateImportPageMetadata(): Promise<Metadata> {
  const t = await getTranslations("memberImport");
  return { title: t("title") };
}

/**
 * The coordinator and what `read` finds of the import the URL names. A made-up id, another
 * organisation's import and an expired one (read returns null) all end in "not found".
 */
export async function requireImportForPage<Found>(params: ImportPageProps["params"], read: (actor: Actor, importId: string) => Promise<Found | null>): Promise<{ actor: Actor; found: Found }> {
  const actor = await requireCoordinator();
  const importId = importIdParamSchema.safeParse((await params).id);
  const found = importId.success ? await read(actor, importId.data) : null;
  if (!found) notFound();
  return { actor, found };
}
