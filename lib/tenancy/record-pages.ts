// How the dashboard page of one group or location finds it, names itself and words its archive and delete forms.
import type { Metadata } from "next";
import { cache } from "react";
import { requireCoordinator } from "@/lib/auth/session";
import { getTranslations } from "@/lib/i18n/server";

export type RecordPageProps = { params: Promise<{ id: string }> };

/**
 * The loader, generateMetadata and status texts of a group's or location's own page. Another organisation's
 * record, a made-up id and a deleted one all load as null, for the same "not found". The loader is
 * cached per request, so the metadata and the page read the record once.
 */
export function createRecordPage<Found extends { name: string }>(
  namespace: "groups" | "locations",
  /** The id from the URL as the record's schema accepts it; undefined when it is no id at all. */
  parseId: (id: string) => string | undefined,
  find: (tenantId: string, id: string, now: Date) => Promise<Found | null>,
) {
  const load = cache(async (id: string) => {
    const actor = await requireCoordinator();
    const recordId = parseId(id);
    const record = recordId ? await find(actor.tenantId, recordId, new Date()) : null;
    return { actor, record };
  });
  async function generateMetadata({ params }: RecordPageProps): Promise<Metadata> {
    const { record } = await load((await params).id);
    const t = await getTranslations(namespace);
    return { title: record?.name ?? t("title") };
  }
  /** The texts of its RecordStatusForms for the record as it is now; what deleting does (or why it cannot) is the page's own. */
  async function statusTexts(archivedSince: string | null, deleting: { text: string; confirm: string | null }) {
    const t = await getTranslations(namespace);
    return {
      archiveTitle: t("archiveTitle"),
      archiveText: archivedSince ? t("archivedSince", { date: archivedSince }) : t("archiveText"),
      archiveButton: archivedSince ? t("unarchive") : t("archive"),
      deleteTitle: t("deleteTitle"),
      deleteText: deleting.text,
      deleteConfirm: deleting.confirm,
      deleteConfirmLabel: t("deleteConfirmLabel"),
      deleteButton: t("delete"),
    };
  }
  return { load, generateMetadata, statusTexts };
}
